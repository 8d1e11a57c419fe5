#include <iostream>

#include "cli/command.hpp"
#include "core/vocabulary.hpp"

namespace jz::cli {

void add_list(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("list", "List records of one kind: id, slug, visibility, name");
  struct Args {
    std::string kind;
    std::int64_t limit = 50;
    std::int64_t offset = 0;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("KIND", a->kind, "person, case, event, facility, organization, source, topic")
      ->required()
      ->check(
          CLI::IsMember(std::vector<std::string>(vocab::kinds().begin(), vocab::kinds().end())));
  cmd->add_option("--limit", a->limit, "how many")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--offset", a->offset, "skip this many")->check(CLI::NonNegativeNumber);
  cmd->callback([&g, a] {
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    auto records = store->list(a->kind, a->offset, a->limit);
    if (!records) {
      g.exit_code = fail(records.status());
      return;
    }
    for (const auto& r : *records) {
      const Text& label = r.label();
      std::cout << r.id << "  " << r.slug << "  " << r.visibility << "  " << label.zh
                << (label.zh.empty() || label.en.empty() ? "" : " / ") << label.en << "\n";
    }
  });
}

}  // namespace jz::cli
