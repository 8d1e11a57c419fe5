#pragma once
// Runs the public site on the store until SIGINT/SIGTERM.
#include <cstdint>
#include <string>

#include "store/store.hpp"

namespace jz::web {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  bool access_log = true;  // to stderr; never client addresses
};

int serve(store::Store& store, const ServeOptions& options);

}  // namespace jz::web
