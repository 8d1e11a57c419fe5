// jianzheng: the command-line entry point. Subcommands live one per file (cmd_*.cpp).
#include "cli/command.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "Jianzheng (见证): document human-rights abuses in China and publish them.\n"
      "Run a subcommand with --help for its options."};
  app.set_version_flag("--version", std::string("jianzheng 0.1"));
  jz::cli::Globals g;
  app.add_option("--db", g.db, "database file")->capture_default_str();
  app.require_subcommand(1);
  jz::cli::add_init(app, g);
  jz::cli::add_demo(app, g);
  jz::cli::add_serve(app, g);
  jz::cli::add_show(app, g);
  jz::cli::add_list(app, g);
  jz::cli::add_verify(app, g);
  jz::cli::add_import(app, g);
  jz::cli::add_export(app, g);
  jz::cli::add_search(app, g);
  jz::cli::add_user(app, g);
  jz::cli::add_clock(app, g);
  jz::cli::add_list_prisoners(app, g);
  jz::cli::add_watch(app, g);
  jz::cli::add_keys(app, g);
  jz::cli::add_verify_mirror(app, g);
  jz::cli::add_mirror_config(app, g);
  jz::cli::add_publish(app, g);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; a usage mistake exits 2, as most Unix tools do.
    return app.exit(e) == 0 ? 0 : 2;
  }
  return g.exit_code;
}
