#include <iostream>

#include "cli/command.hpp"

namespace jz::cli {

void add_init(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("init", "Create the database (or bring its schema up to date)");
  cmd->callback([&g] {
    auto store = open_store(g, {.create = true});
    if (!store) {
      g.exit_code = 1;
      return;
    }
    std::cout << "database ready: " << g.db << "\n";
  });
}

}  // namespace jz::cli
