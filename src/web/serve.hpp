#pragma once
// Runs the public site on a database until SIGINT/SIGTERM.
#include <cstdint>
#include <string>

namespace jz::web {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  int workers = 4;         // handler threads, each borrowing a read-only connection
  bool access_log = true;  // to stderr; never client addresses
};

// The database must exist with a current schema (open it read-write once first).
int serve(const std::string& db_path, const ServeOptions& options);

}  // namespace jz::web
