#include <iostream>

#include "cli/command.hpp"
#include "i18n/messages.hpp"
#include "search/search_request.hpp"

namespace jz::cli {

void add_search(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "search",
      "Search the public records as readers do: 刘晓波, 劉曉波, liuxiaobo, \"a phrase\", "
      "-word, name:, province:, kind:, status:, year:");
  struct Args {
    std::string query;
    std::int64_t limit = 20;
    std::int64_t offset = 0;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("QUERY", a->query, "what to look for (quote it for the shell)")->required();
  cmd->add_option("--limit", a->limit, "how many")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", a->offset, "skip this many")->check(CLI::NonNegativeNumber);
  cmd->callback([&g, a] {
    auto converter = i18n::ScriptConverter::open();
    if (!converter) {
      g.exit_code = fail(converter.status());
      return;
    }
    auto messages = i18n::Messages::load(*converter);
    if (!messages) {
      g.exit_code = fail(messages.status());
      return;
    }
    auto request = search::make_request(a->query, *messages);
    if (!request) {
      g.exit_code = fail(request.status().prefixed("search \"" + a->query + "\": "));
      return;
    }
    request->limit = a->limit;
    request->offset = a->offset;
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    auto result = store->search(*request);
    if (!result) {
      g.exit_code = fail(result.status());
      return;
    }
    for (const auto& hit : result->hits) {
      auto record = store->get(hit.id);
      if (!record) {
        g.exit_code = fail(record.status());
        return;
      }
      const Text& label = record->label();
      std::cout << hit.id << "  " << hit.kind << "  " << label.zh
                << (label.zh.empty() || label.en.empty() ? "" : " / ") << label.en << "\n";
    }
    std::cerr << (result->complete ? "" : "at least ") << result->total
              << (result->total == 1 ? " record" : " records") << " found\n";
  });
}

}  // namespace jz::cli
