// jianzheng list-prisoners --for OPPORTUNITY: the prisoner list for a dialogue round, state
// visit or UN review, from the public record, as CSV, JSON or PDF (publish/prisoner_export).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "i18n/script_converter.hpp"
#include "publish/prisoner_export.hpp"

namespace jz::cli {

Result<monitor::PriorityWeights> read_weights(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io(path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  auto w = monitor::parse_weights(text.str());
  if (!w) return w.status().prefixed(path + ": ");
  return w;
}

void add_list_prisoners(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "list-prisoners",
      "The prisoner list for an opportunity (an event of type dialogue_round, state_visit or "
      "un_review): those linked to it with raised_in, or else the highest priorities");
  auto opportunity = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("csv");
  auto out = std::make_shared<std::string>();
  auto weights = std::make_shared<std::string>();
  cmd->add_option("--for", *opportunity, "the opportunity's event id")->required();
  cmd->add_option("--format", *format, "csv, json or pdf")
      ->check(CLI::IsMember({"csv", "json", "pdf"}))
      ->capture_default_str();
  cmd->add_option("--out", *out, "write to this file (default: standard output)");
  cmd->add_option("--weights", *weights,
                  "a JSON file of priority weights (see data/priority-weights.json)");
  cmd->callback([&g, opportunity, format, out, weights] {
    publish::PrisonerOptions options;
    options.now = monitor::shanghai_minutes(std::chrono::system_clock::now());
    if (!weights->empty()) {
      auto w = read_weights(*weights);
      if (!w) {
        g.exit_code = fail(w.status());
        return;
      }
      options.weights = *w;
    }
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    auto visible = store::public_oracle(*store);
    if (!visible) {
      g.exit_code = fail(visible.status());
      return;
    }
    auto list = publish::prisoner_list(*store, *visible, *opportunity, options);
    if (!list) {
      g.exit_code = fail(list.status());
      return;
    }
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
    std::string bytes;
    if (*format == "csv") {
      bytes = publish::prisoners_csv(*list, *messages);
    } else if (*format == "json") {
      bytes = publish::prisoners_json(*list, *messages);
    } else {
      auto pdf = publish::prisoners_pdf(*list, *messages);
      if (!pdf) {
        g.exit_code = fail(pdf.status());
        return;
      }
      bytes = std::move(*pdf);
    }
    if (out->empty()) {
      std::cout << bytes;
      return;
    }
    // Written whole or not at all: to a temporary name first, then renamed.
    std::string tmp = *out + ".tmp";
    std::ofstream file(tmp, std::ios::binary);
    if (!(file << bytes) || !(file.close(), file)) {
      std::remove(tmp.c_str());
      g.exit_code = fail(Status::io(*out + ": cannot be written"));
      return;
    }
    if (std::rename(tmp.c_str(), out->c_str()) != 0) {
      std::remove(tmp.c_str());
      g.exit_code = fail(Status::io(*out + ": cannot be written"));
      return;
    }
    std::cerr << list->prisoners.size() << " prisoners" << (list->suggested ? " (suggested)" : "")
              << " written to " << *out << "\n";
  });
}

}  // namespace jz::cli
