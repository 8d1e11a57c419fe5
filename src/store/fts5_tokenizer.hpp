#pragma once
// Registers search/tokenizer.hpp with SQLite's FTS5 as the tokenizer "jianzheng", on one
// connection. Database::open calls it for every connection, so the search table can be
// read and written from any of them.
#include <sqlite3.h>

#include "core/status.hpp"

namespace jz::store {

Status register_search_tokenizer(sqlite3* db);

}  // namespace jz::store
