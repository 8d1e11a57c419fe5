#pragma once
// Drafts on the store's SQLite connection (tables `drafts` and `draft_events`, migration 6).
#include <memory>

#include "core/clock.hpp"
#include "store/drafts.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// `db` must outlive the result.
Result<std::unique_ptr<Drafts>> open_sqlite_drafts(Database& db, Clock clock);

}  // namespace jz::store
