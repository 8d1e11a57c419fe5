#pragma once
// Schema migrations, applied in order by PRAGMA user_version. Never edit a migration that
// has shipped: add a new one.
#include "core/status.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// Brings the schema up to date; refuses a database from a newer version of the program.
Status migrate(Database& db);
int schema_version();
// For read-only connections, which cannot migrate: fails unless the schema is current.
Status check_schema(Database& db);

}  // namespace jz::store
