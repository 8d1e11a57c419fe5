#include <iostream>

#include "cli/command.hpp"
#include "exchange/import.hpp"

namespace jz::cli {

void add_demo(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "demo", "Load the demo dataset (facts from the seed documents, each with its source)");
  auto file = std::make_shared<std::string>(JZ_DEMO_FILE);
  cmd->add_option("--file", *file, "demo data in JSON Lines")->capture_default_str();
  cmd->callback([&g, file] {
    auto store = open_store(g, {.create = true});
    if (!store) {
      g.exit_code = 1;
      return;
    }
    exchange::ImportOptions options;
    options.author = "demo";
    auto report = exchange::import_jsonl(*store, *file, options);
    if (!report) {
      g.exit_code = fail(report.status());
      return;
    }
    std::cout << "demo data: " << report->created << " records created, " << report->updated
              << " updated, " << report->unchanged << " unchanged\n";
  });
}

}  // namespace jz::cli
