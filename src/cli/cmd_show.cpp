#include <iostream>

#include "cli/command.hpp"
#include "core/record_json.hpp"

namespace jz::cli {

void add_show(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("show", "Print a record as JSON, or its history");
  auto id = std::make_shared<std::string>();
  auto history = std::make_shared<bool>(false);
  cmd->add_option("ID", *id, "record id, e.g. p0k3m9x2q4a")->required();
  cmd->add_flag("--history", *history, "list every revision: when, who, why and its hash");
  cmd->callback([&g, id, history] {
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    auto record = store->get(*id);
    if (!record) {
      g.exit_code = fail(record.status());
      return;
    }
    if (!*history) {
      std::cout << to_json(*record).dump(2) << "\n";
      return;
    }
    auto revisions = store->history(*id);
    if (!revisions) {
      g.exit_code = fail(revisions.status());
      return;
    }
    for (const auto& r : *revisions)
      std::cout << "revision " << r.revision << "  " << r.at << "  " << r.author << "  " << r.reason
                << "  #" << r.seq << " " << r.hash.substr(0, 16) << "\n";
  });
}

}  // namespace jz::cli
