#pragma once
// Runs the public site on a database until SIGINT/SIGTERM.
#include <cstdint>
#include <memory>
#include <string>

#include "store/store.hpp"
#include "web/context.hpp"

namespace jz::web {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  int workers = 4;         // handler threads, each borrowing a read-only connection
  bool access_log = true;  // to stderr; never client addresses
  // Files attached to sources: where they are kept ("" for the database's path + ".files"),
  // and the largest one accepted.
  std::string files_dir = {};
  std::size_t max_file_bytes = 20 << 20;
  SiteSettings site = {};  // priority weights, signing key, mirrors
};

// `writer` is the database opened read-write (which brought its schema up to date); it
// serves logins and sessions. The workers read through connections of their own.
int serve(const std::string& db_path, std::unique_ptr<store::Store> writer,
          const ServeOptions& options);

}  // namespace jz::web
