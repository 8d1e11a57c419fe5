#pragma once
// Registers the FTS5 function jz_rank(table, weight per column...) on one connection:
// BM25 as FTS5's own bm25() computes it (k1 = 1.2, b = 0.75, the same column weights),
// except that every phrase of the query weighs the same (an IDF of 1).
//
// Why not bm25(): before it scores the first row it counts the rows that match each phrase,
// one pass over the phrase's whole doclist (position checks included). A search ranks only
// the first 500 matches, so that pass was most of a broad query's time: 150 of 180 ms for
// 人民检察院 at 1M records (docs/BENCHMARKS.md). A query of one term ranks in the same order
// either way (its IDF is a common factor); in a query of several terms, each counts the same
// instead of the rarer counting more. Lower is better, as with bm25().
#include <sqlite3.h>

#include "core/status.hpp"

namespace jz::store {

Status register_search_rank(sqlite3* db);

}  // namespace jz::store
