#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "exchange/import.hpp"

namespace jz::cli {

void add_export(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("export", "Write every record as JSON Lines, in id order");
  struct Args {
    std::string format = "jsonl";
    std::string out;
    bool public_only = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--format", a->format, "jsonl")
      ->check(CLI::IsMember({"jsonl"}))
      ->capture_default_str();
  cmd->add_option("--out", a->out, "file to write (default: standard output)");
  cmd->add_flag("--public", a->public_only,
                "only what the public may see: public records, confidential fields removed");
  cmd->callback([&g, a] {
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    if (a->out.empty()) {
      Status s = exchange::export_jsonl(*store, std::cout, a->public_only);
      if (!s.is_ok()) g.exit_code = fail(s);
      return;
    }
    // Write beside the target and rename, so a failed export never leaves half a file.
    const std::string tmp = a->out + ".partial";
    Status s;
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      s = out ? exchange::export_jsonl(*store, out, a->public_only)
              : Status::io(tmp + ": cannot write here");
    }
    std::error_code ec;
    if (s.is_ok()) std::filesystem::rename(tmp, a->out, ec);
    if (!s.is_ok() || ec) {
      std::filesystem::remove(tmp, ec);
      g.exit_code = fail(s.is_ok() ? Status::io(a->out + ": cannot write here") : s);
    }
  });
}

}  // namespace jz::cli
