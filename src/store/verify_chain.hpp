#pragma once
// Checks the revision chain and the current records against it: any revision altered,
// reordered or deleted, and any record edited outside the store, becomes a problem line.
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace jz::store {

Result<VerifyReport> verify_chain(Database& db);

}  // namespace jz::store
