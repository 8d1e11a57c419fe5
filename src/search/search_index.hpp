#pragma once
// SearchIndex: what the site and the command line search through. The SQLite FTS5 engine
// (store/fts5_search_index.hpp) implements it today; another engine passes the same
// contract tests (tests/search/search_index_contract.hpp) to replace it.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/facets.hpp"
#include "core/status.hpp"
#include "search/query.hpp"

namespace jz::search {

// What the index holds of one public record (search_document.hpp builds it).
struct SearchDocument {
  std::string id;
  std::string kind;
  std::string names;          // names and aliases, one per line: ranked highest
  std::string pinyin;         // name_pinyin() of each name, one per line
  std::string title;          // titles of cases, topics, sources: ranked next
  std::string body;           // everything else the public page shows as text
  std::vector<Facet> facets;  // public_facets() plus "year" (each year the record spans)
};

struct SearchRequest {
  Query query;                 // its filters already resolved into `filters` below
  std::vector<Facet> filters;  // all must match; name "kind" filters by kind
  int year_from = 0;           // 0: open
  int year_to = 0;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct SearchHit {
  std::string id;
  std::string kind;
};

struct FacetCount {
  std::string name;  // "kind", or a facet name: status, province, topic, type, year ...
  std::string kind;  // the kind of the records counted ("" for name "kind")
  std::string value;
  std::int64_t count = 0;
};

struct SearchResult {
  std::vector<SearchHit> hits;     // best first: names and titles, then text
  std::int64_t total = 0;          // every match, before offset and limit
  std::vector<FacetCount> facets;  // over every match
  // False when more records matched than the engine counts for one query: then `total`
  // and `facets` cover the matches counted (a lower bound), and paging still reaches all.
  bool complete = true;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Adds or replaces the document with this id.
  virtual Status put(const SearchDocument& document) = 0;
  // put() of each, in order; an engine may do it faster (FTS5 tokenizes them on a second
  // thread). Stops at the first error.
  virtual Status put_many(std::span<const SearchDocument> documents) {
    for (const auto& d : documents) JZ_RETURN_IF_ERROR(put(d));
    return Status::ok();
  }
  // Removes it; nothing happens for an id that is not there.
  virtual Status remove(std::string_view id) = 0;
  virtual Result<SearchResult> search(const SearchRequest& request) = 0;
};

}  // namespace jz::search
