#pragma once
// Each subcommand registers itself on the CLI11 app with a function from its own file. The
// callback stores the process exit code in `exit_code`.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/status.hpp"
#include "monitor/priority.hpp"
#include "store/store.hpp"

namespace jz::cli {

struct Globals {
  std::string db = "var/jianzheng.db";
  int exit_code = 0;
};

void add_init(CLI::App& app, Globals& g);
void add_demo(CLI::App& app, Globals& g);
void add_serve(CLI::App& app, Globals& g);
void add_show(CLI::App& app, Globals& g);
void add_list(CLI::App& app, Globals& g);
void add_verify(CLI::App& app, Globals& g);
void add_import(CLI::App& app, Globals& g);
void add_export(CLI::App& app, Globals& g);
void add_search(CLI::App& app, Globals& g);
void add_user(CLI::App& app, Globals& g);
void add_clock(CLI::App& app, Globals& g);
void add_watch(CLI::App& app, Globals& g);
void add_keys(CLI::App& app, Globals& g);
void add_verify_mirror(CLI::App& app, Globals& g);
void add_mirror_config(CLI::App& app, Globals& g);
void add_publish(CLI::App& app, Globals& g);

void add_list_prisoners(CLI::App& app, Globals& g);

// Priority weights from a JSON file (data/priority-weights.json shows the shape); errors name
// the file.
Result<monitor::PriorityWeights> read_weights(const std::string& path);
// Opens the database named by --db, or prints why not.
std::unique_ptr<store::Store> open_store(const Globals& g, store::OpenOptions options = {});
// Prints "jianzheng: <message>" on stderr and returns 1.
int fail(const Status& s);
// Who the revisions of this command are attributed to: $USER, or "cli".
std::string default_author();

}  // namespace jz::cli
