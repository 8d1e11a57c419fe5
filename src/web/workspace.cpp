#include "web/workspace.hpp"

#include <charconv>
#include <set>

#include "core/record_diff.hpp"
#include "core/record_id.hpp"
#include "core/record_json.hpp"
#include "search/query.hpp"

namespace jz::web {

using nlohmann::json;

store::Actor actor_of(const Call& call) {
  return {call.who->user, call.who->role};
}

namespace {

bool kind_allowed(std::string_view kinds, std::string_view kind) {
  if (kinds.empty()) return true;
  while (!kinds.empty()) {
    auto comma = kinds.find(',');
    if (kinds.substr(0, comma) == kind) return true;
    kinds = comma == std::string_view::npos ? std::string_view() : kinds.substr(comma + 1);
  }
  return false;
}

std::string label_of(const Record& r) {
  const Text& t = r.label();
  return (t.zh.empty() ? t.en : t.en.empty() ? t.zh : t.zh + " / " + t.en) + " (" + r.id + ")";
}

}  // namespace

ResolveRef resolver(store::Store& store) {
  return [&store](std::string_view words, std::string_view kinds) -> Result<std::string> {
    std::string quoted = "\"" + std::string(words) + "\"";
    std::string needs = kinds.empty() ? "a record" : "a " + std::string(kinds);
    if (is_valid_id(words)) {
      auto r = store.get(words);
      if (!r) return Status::invalid("no record has the id " + quoted);
      if (!kind_allowed(kinds, r->kind()))
        return Status::invalid(quoted + " is a " + std::string(r->kind()) + "; this field needs " +
                               needs);
      return std::string(words);
    }
    auto query = search::parse_query(words);
    if (!query) return Status::invalid(quoted + ": " + query.status().message());
    search::SearchRequest request;
    request.query = std::move(*query);
    request.limit = 50;
    auto found = store.search(request);
    if (!found) return found.status();
    std::vector<Record> matches;
    for (const auto& hit : found->hits) {
      if (!kind_allowed(kinds, hit.kind)) continue;
      auto r = store.get(hit.id);
      if (r) matches.push_back(std::move(*r));
      if (matches.size() > 5) break;
    }
    if (matches.size() == 1) return matches[0].id;
    if (matches.empty())
      return Status::invalid("no public " + std::string(kinds.empty() ? "record" : kinds) +
                             " matches " + quoted +
                             "; write its id instead (a record that is not public is found only "
                             "by its id)");
    std::string names;
    for (const auto& r : matches) names += (names.empty() ? "" : "; ") + label_of(r);
    return Status::invalid(quoted + " matches more than one record: " + names +
                           "; write the id of the one you mean");
  };
}

Result<json> diff_rows(const Call& call, std::string_view kind, std::string_view before,
                       std::string_view after) {
  auto changes = diff_records(before, after);
  if (!changes) return changes.status();
  // A field counts as confidential when a pointer of either side covers it.
  std::set<std::string> hidden;
  for (auto side : {before, after}) {
    if (side.empty()) continue;
    auto r = parse_record(side);
    if (r)
      for (const auto& p : r->confidential) hidden.insert(p);
  }
  auto is_hidden = [&](const std::string& path) {
    for (const auto& p : hidden)
      if (path == p || path.starts_with(p + "/")) return true;
    return false;
  };
  json rows = json::array();
  for (const auto& c : *changes) {
    const char* what = c.kind == FieldChange::Kind::kAdded     ? "added"
                       : c.kind == FieldChange::Kind::kRemoved ? "removed"
                                                               : "changed";
    rows.push_back({{"path", c.path},
                    {"label", or_null(field_label(call, kind, c.path))},
                    {"before", or_null(c.before)},
                    {"after", or_null(c.after)},
                    {"what", what},
                    {"what_label", call.t(std::string("ui.diff_") + what)},
                    {"confidential", is_hidden(c.path)}});
  }
  return rows;
}

json words(const Call& call, std::string_view prefix,
           std::initializer_list<std::string_view> keys) {
  json t = json::object();
  for (auto key : keys) t[std::string(key)] = call.t(std::string(prefix) + std::string(key));
  return t;
}

std::optional<std::int64_t> draft_number(const Call& call) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(call.id.data(), call.id.data() + call.id.size(), n);
  if (ec != std::errc() || end != call.id.data() + call.id.size() || n <= 0) return std::nullopt;
  return n;
}

http::Response see_other(const Call& call, const std::string& rest) {
  return http::Response::redirect(303, call.url(rest));
}

}  // namespace jz::web
