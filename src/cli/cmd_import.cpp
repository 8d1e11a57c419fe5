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
                  "jsonl (docs/RECORDS.md), csv (with --mapping, docs/IMPORT.md), cppc (the "
                  "CPPC political prisoner list as published) or upr-info (UPR Info's CSV of "
                  "UPR recommendations as published)")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "cppc", "upr-info"}));
  cmd->add_option("FILE", a->file, "the file to import")->required();
  cmd->add_option("--mapping", a->options.mapping_path, "csv: which column fills which field");
  cmd->add_option("--as-of", a->options.as_of,
                  "cppc: the day (YYYY-MM-DD) a sentence end is compared with; default today");
  cmd->add_flag("--strict", a->options.strict,
                "cppc: refuse irregular dates instead of reading their valid part with a warning");
  auto* to = cmd->add_option("--to", a->options.upr_to,
                             "upr-info: the state whose recommendations are imported, as UPR "
                             "Info names it in the To column")
                 ->capture_default_str();
  cmd->add_option("--author", a->options.author, "who the revisions are attributed to")
      ->capture_default_str();
  cmd->callback([&g, a, to] {
    auto store = open_store(g, {.bulk = true});
    if (!store) {
      g.exit_code = 1;
      return;
    }
    if (a->format != "csv" && !a->options.mapping_path.empty()) {
      g.exit_code = fail(Status::invalid("--mapping is only for --format csv"));
      return;
    }
    if (a->format != "upr-info" && to->count() > 0) {
      g.exit_code = fail(Status::invalid("--to is only for --format upr-info"));
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
      else if (a->format == "upr-info")
        report = exchange::import_upr_info(*store, a->file, a->options);
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
