#pragma once
// Accounts on the store's SQLite connection (tables `users` and `account_events`,
// migration 5).
#include <memory>

#include "core/clock.hpp"
#include "store/accounts.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// `db` must outlive the result.
Result<std::unique_ptr<Accounts>> open_sqlite_accounts(Database& db, Clock clock);

}  // namespace jz::store
