#pragma once
// Accounts on the store's SQLite connection (tables `users`, `sessions` and
// `account_events`, migration 5; `record_grants`, migration 7).
#include <memory>

#include "core/clock.hpp"
#include "store/accounts.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// `db` must outlive the result.
Result<std::unique_ptr<Accounts>> open_sqlite_accounts(Database& db, Clock clock);

}  // namespace jz::store
