#pragma once
// The SearchIndex on SQLite FTS5 with the "jianzheng" tokenizer, in the store's database,
// so the store writes a record and its index entry in one transaction.
//
// Tables: search_text (FTS5: names, pinyin, title, body; ranked by jz_rank, store/fts5_rank.hpp,
// with weights 10, 6, 4, 1), search_head (names, pinyin and title alone, where matches rank first)
// and search_docs (rowid <-> record id, kind, facets, generation), which a SearchDocTable mirrors
// in memory to filter and count matches.
#include <cstddef>
#include <memory>

#include "search/search_index.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// The tables, for migration 4 and for tests that build an index on its own.
extern const char* const kSearchSchemaSql;

// The most work one search does, whatever it matches.
struct SearchLimits {
  // Matches ranked by jz_rank: all of them when no more match; else the first this many in
  // names, pinyin or title, then the first this many of all, in the order records were first
  // indexed; the others follow in that order.
  std::size_t ranked = 500;
  // Matches counted for the total and the facets; when more match, the result says it is
  // not complete and counts the first this many (or as many as the page needs).
  std::size_t counted = 10000;
};

// `db` must outlive the index.
Result<std::unique_ptr<search::SearchIndex>> open_fts5_search_index(Database& db,
                                                                    SearchLimits limits = {});

// The MATCH expression for a query's terms ("" when it has no term to look for), with each
// term quoted so the tokenizer reads it and no reader's text is FTS5 syntax.
std::string fts5_match_expression(const search::Query& query);

// `text` as an FTS5 string literal: in double quotes, inner quotes doubled.
std::string fts5_string(std::string_view text);

// Creates the tables and indexes every public record already stored (migration 4).
Status create_search_index(Database& db);
// Writes every public record's document again, replacing what the index held (a migration
// that changes what a document holds).
Status index_public_records(Database& db);

}  // namespace jz::store
