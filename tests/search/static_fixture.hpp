#pragma once
// Test fixture: the StaticDocuments of every public record of a store, with paths, titles
// and lines of the kind the exporter gives (jianzheng publish), for the static index tests,
// the browser test and size measurements (mirror_fixture.cpp).
#include <string>
#include <vector>

#include "core/record.hpp"
#include "search/search_document.hpp"
#include "search/static_index.hpp"
#include "store/store.hpp"

namespace jz::testing {

inline std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

inline std::string plural(std::string_view kind) {
  if (kind.ends_with("y")) return std::string(kind.substr(0, kind.size() - 1)) + "ies";
  return std::string(kind) + "s";
}

inline search::StaticDocument static_document(const Record& r, search::SearchDocument fields) {
  search::StaticDocument d;
  d.kind = std::string(r.kind());
  d.path = plural(d.kind) + "/" + r.id + ".html";
  if (d.kind == "person") d.kind_labels = {"人物", "人物", "Person"};
  if (d.kind == "case") d.kind_labels = {"案件", "案件", "Case"};
  std::string title = first_line(fields.names.empty() ? fields.title : fields.names);
  d.titles = {title, title, title};
  if (const auto* p = std::get_if<Person>(&r.body)) {
    const Text& n = p->name;
    d.titles = {n.zh.empty() ? n.en : n.zh, n.zh_hant.empty() ? n.zh : n.zh_hant,
                n.en.empty() ? n.zh : n.en};
  }
  std::string line = first_line(fields.body);
  d.lines = {line, line, line};
  d.fields = std::move(fields);
  return d;
}

inline Result<std::vector<search::StaticDocument>> static_documents(store::Store& store) {
  std::vector<search::StaticDocument> out;
  Status s = store.for_each([&](const Record& r) -> Status {
    auto doc = search::search_document(r);
    if (!doc) return doc.status();
    if (*doc) out.push_back(static_document(r, std::move(**doc)));
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace jz::testing
