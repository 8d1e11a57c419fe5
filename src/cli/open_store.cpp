#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/command.hpp"

namespace jz::cli {

int fail(const Status& s) {
  std::cerr << "jianzheng: " << s.message() << "\n";
  return 1;
}

std::unique_ptr<store::Store> open_store(const Globals& g, store::OpenOptions options) {
  if (options.create) {
    auto parent = std::filesystem::path(g.db).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  auto s = store::open_sqlite(g.db, std::move(options));
  if (!s) {
    fail(s.status());
    return nullptr;
  }
  return std::move(*s);
}

std::string default_author() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "cli";
}

}  // namespace jz::cli
