#pragma once
// A minimal RAII layer over the SQLite C API: a connection and prepared statements, with
// errors as Status. Only the store uses it; nothing above src/store sees SQLite.
#include <sqlite3.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  // Steps once: true when a row is ready, false when done; errors go to `status`.
  bool step(Status* status);
  // Steps to completion (for statements that return no rows) and resets.
  Status run();
  void reset();

  std::string text(int column) const;
  std::string_view text_view(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  static Result<Database> open(const std::string& path, bool create, bool read_only = false);
  Database(Database&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;
  ~Database();

  Status exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  // Prepares each statement into its place; stops at the first that fails.
  struct Prepared {
    Statement* into;
    std::string_view sql;
  };
  Status prepare_all(std::initializer_list<Prepared> statements);
  std::string error() const { return sqlite3_errmsg(db_); }
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace jz::store
