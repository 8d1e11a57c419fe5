// A reader's search on any bytes: parse_query never crashes; whatever it accepts compiles
// to an FTS5 expression that SQLite accepts (a reader's text must never become a 500); the
// tokenizer's offsets stay inside the text; a snippet is one stretch of the text.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "search/snippet.hpp"
#include "search/tokenizer.hpp"
#include "store/fts5_search_index.hpp"

namespace {

jz::search::SearchIndex& index() {
  static auto db = [] {
    auto d = jz::store::Database::open(":memory:", true);
    if (!d) {
      std::fprintf(stderr, "open: %d [%s]\n", static_cast<int>(d.status().code()),
                   d.status().message().c_str());
      std::abort();
    }
    auto made = d->exec(jz::store::kSearchSchemaSql);
    if (!made) {
      std::fprintf(stderr, "%s\n", made.message().c_str());
      std::abort();
    }
    return std::move(*d);
  }();
  static auto engine = jz::store::open_fts5_search_index(db);
  if (!engine) std::abort();
  static bool filled = false;
  if (!filled) {
    filled = true;
    jz::search::SearchDocument doc;
    doc.id = "p1";
    doc.kind = "person";
    doc.names = "刘晓波\nLiu Xiaobo";
    doc.body = "作家。";
    if (!(*engine)->put(doc)) std::abort();
  }
  return **engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto mode : {jz::search::TokenizeFor::kDocument, jz::search::TokenizeFor::kQuery})
    jz::search::tokenize(text, mode,
                         [&](std::string_view term, std::size_t s, std::size_t e, bool) {
                           if (term.empty() || s >= e || e > text.size()) std::abort();
                           return true;
                         });
  auto query = jz::search::parse_query(text);
  if (!query) return 0;
  jz::search::SearchRequest request;
  request.query = *query;
  auto found = index().search(request);
  if (!found) {
    std::fprintf(stderr, "%s\n", found.status().message().c_str());
    std::abort();
  }
  std::string joined;
  for (const auto& part : jz::search::snippet(text, *query, 1 << 20))
    if (part.text != "…") joined += part.text;
  if (text.find(joined) == std::string_view::npos) std::abort();  // one stretch of the text
  return 0;
}
