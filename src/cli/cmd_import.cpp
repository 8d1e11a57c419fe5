#include <iostream>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "exchange/import.hpp"

namespace jz::cli {

void add_import(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "import", "Import records; all or nothing: on any error the database is left unchanged");
  struct Args {
    std::string format;
    std::string file;
    exchange::ImportOptions options;
  };
  auto a = std::make_shared<Args>();
  a->options.author = default_author();
  cmd->add_option("--format", a->format,
                  "jsonl (docs/RECORDS.md), csv (with --mapping, docs/IMPORT.md) or cppc (the "
                  "CPPC political prisoner list as published)")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "cppc"}));
  cmd->add_option("FILE", a->file, "the file to import")->required();
  cmd->add_option("--mapping", a->options.mapping_path, "csv: which column fills which field");
  cmd->add_option("--as-of", a->options.as_of,
                  "cppc: the day (YYYY-MM-DD) a sentence end is compared with; default today");
  cmd->add_flag("--strict", a->options.strict,
                "cppc: refuse irregular dates instead of reading their valid part with a warning");
  cmd->add_option("--author", a->options.author, "who the revisions are attributed to")
      ->capture_default_str();
  cmd->callback([&g, a] {
    auto store = open_store(g, {.bulk = true});
    if (!store) {
      g.exit_code = 1;
      return;
    }
    if (a->format != "csv" && !a->options.mapping_path.empty()) {
      g.exit_code = fail(Status::invalid("--mapping is only for --format csv"));
      return;
    }
    Result<exchange::ImportReport> report = exchange::ImportReport{};
    {
      ProgressBar bar;
      a->options.progress = [&bar](std::uint64_t done, std::uint64_t total) {
        bar.update(done, total);
      };
      if (a->format == "jsonl")
        report = exchange::import_jsonl(*store, a->file, a->options);
      else if (a->format == "cppc")
        report = exchange::import_cppc(*store, a->file, a->options);
      else
        report = exchange::import_mapped_csv(*store, a->file, a->options);
    }
    if (!report) {
      g.exit_code = fail(report.status());
      return;
    }
    for (const auto& w : report->warnings) std::cerr << "warning: " << w << "\n";
    std::cout << "imported " << a->file << ": " << report->rows << " rows; " << report->created
              << " records created, " << report->updated << " updated, " << report->unchanged
              << " unchanged\n";
  });
}

}  // namespace jz::cli
