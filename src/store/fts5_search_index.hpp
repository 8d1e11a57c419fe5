#pragma once
// The SearchIndex on SQLite FTS5 with the "jianzheng" tokenizer, in the store's database,
// so the store writes a record and its index entry in one transaction.
//
// Tables: search_text (FTS5: names, pinyin, title, body; ranked by bm25 with weights
// 10, 6, 4, 1), search_docs (rowid <-> record id and kind) and search_facets.
#include <memory>

#include "search/search_index.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// The tables, for migration 3 and for tests that build an index on its own.
extern const char* const kSearchSchemaSql;

// `db` must outlive the index.
Result<std::unique_ptr<search::SearchIndex>> open_fts5_search_index(Database& db);

// The MATCH expression for a query's terms ("" when it has no term to look for), with each
// term quoted so the tokenizer reads it and no reader's text is FTS5 syntax.
std::string fts5_match_expression(const search::Query& query);

// `text` as an FTS5 string literal: in double quotes, inner quotes doubled.
std::string fts5_string(std::string_view text);

// Indexes every public record already stored (migration 3).
Status index_all_search(Database& db);

}  // namespace jz::store
