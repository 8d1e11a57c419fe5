#include <iostream>

#include "cli/command.hpp"

namespace jz::cli {

void add_verify(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "verify", "Check that no revision was altered, reordered or deleted (exit 1 if any was)");
  auto expect = std::make_shared<std::string>();
  cmd->add_option("--expect-head", *expect,
                  "the chain head hash printed by an earlier verify: catches a history rewritten "
                  "from the start");
  cmd->callback([&g, expect] {
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    auto report = store->verify();
    if (!report) {
      g.exit_code = fail(report.status());
      return;
    }
    if (!expect->empty() && *expect != report->head_hash)
      report->problems.push_back("the chain head is " + report->head_hash + ", not " + *expect +
                                 ": the history was rewritten or is not the one you recorded");
    for (const auto& p : report->problems) std::cout << "PROBLEM: " << p << "\n";
    std::cout << "checked " << report->revisions_checked << " revisions of "
              << report->records_checked << " records; chain head " << report->head_hash << "\n";
    if (!report->ok()) {
      std::cout << report->problems.size() << " problem(s): the history is not intact\n";
      g.exit_code = 1;
    } else {
      std::cout << "history intact\n";
    }
  });
}

}  // namespace jz::cli
