#pragma once
// The query language readers type in the search box:
//   刘晓波 liu            words (all must match, anywhere in the record)
//   "liu xiaobo"         a phrase (“…” and 「…」 too)
//   -surveillance        leave out records with this word or phrase
//   name:晓波             only in names and their pinyin (name:"liu xia" too)
//   province:新疆 kind:person status:detained year:2008 year:2008-2012
// Field values are matched against codes and labels later (search_request.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace jz::search {

struct QueryTerm {
  std::string text;     // as typed, without quotes or prefix
  bool phrase = false;  // was quoted
  bool exclude = false;
  bool names_only = false;  // name:
  bool operator==(const QueryTerm&) const = default;
};

struct FieldFilter {
  std::string field;  // province, kind, status, year
  std::string value;
  bool operator==(const FieldFilter&) const = default;
};

struct Query {
  std::vector<QueryTerm> terms;
  std::vector<FieldFilter> filters;
  bool empty() const { return terms.empty() && filters.empty(); }
};

// Fails with a message for the reader that says where the problem is and how to write it
// instead ("the quote at character 4 is not closed ..."). A query with no terms but
// filters is fine (province:tibet lists Tibet); only exclusions is not.
Result<Query> parse_query(std::string_view text);

// The fields parse_query knows, for messages and help.
constexpr std::string_view kQueryFields[] = {"name", "province", "kind", "status", "year"};

}  // namespace jz::search
