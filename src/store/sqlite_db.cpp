#include "store/sqlite_db.hpp"

#include "store/fts5_rank.hpp"
#include "store/fts5_tokenizer.hpp"

namespace jz::store {

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

bool Statement::step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status)
    *status = (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
                  ? Status::corrupt(std::string("database is damaged: ") + sqlite3_errmsg(db_))
                  : Status::io(std::string("database error: ") + sqlite3_errmsg(db_));
  return false;
}

Status Statement::run() {
  Status s;
  while (step(&s)) {
  }
  reset();
  return s;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  return std::string(text_view(column));
}

std::string_view Statement::text_view(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string_view();
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

Result<Database> Database::open(const std::string& path, bool create, bool read_only) {
  sqlite3* db = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX |
              (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    if (!create && rc == SQLITE_CANTOPEN)
      return Status::not_found(path + ": no database here; create one with `jianzheng --db " +
                               path + " init`");
    return Status::io(path + ": cannot open database: " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  Database opened(db);
  JZ_RETURN_IF_ERROR(register_search_tokenizer(db));
  JZ_RETURN_IF_ERROR(register_search_rank(db));
  return opened;
}

Database::~Database() {
  sqlite3_close(db_);
}

Status Database::exec(std::string_view sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::ok();
  std::string msg = err ? err : sqlite3_errmsg(db_);
  sqlite3_free(err);
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    return Status::corrupt("not a Jianzheng database, or damaged: " + msg);
  return Status::io("database error: " + msg);
}

Status Database::prepare_all(std::initializer_list<Prepared> statements) {
  for (const auto& [into, sql] : statements) {
    auto s = prepare(sql);
    if (!s) return s.status();
    *into = std::move(*s);
  }
  return Status::ok();
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
      return Status::corrupt("not a Jianzheng database, or damaged: " + error());
    return Status::internal("cannot prepare statement: " + error());
  }
  return Statement(db_, stmt);
}

}  // namespace jz::store
