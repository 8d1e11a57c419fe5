#include "cli/command.hpp"
#include "cli/site_settings.hpp"
#include "web/serve.hpp"

namespace jz::cli {

void add_serve(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("serve", "Serve the public website until Ctrl-C or SIGTERM");
  auto options = std::make_shared<web::ServeOptions>();
  cmd->add_option("--port", options->port, "TCP port")->capture_default_str();
  cmd->add_option("--bind", options->bind, "address to listen on")->capture_default_str();
  cmd->add_option("--threads", options->workers,
                  "worker threads answering requests (each with its own database reader)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_flag("!--no-access-log", options->access_log, "do not log requests to stderr");
  cmd->add_option("--files", options->files_dir,
                  "where files attached to sources are kept (default: the database's path + "
                  "\".files\"); never inside a folder a web server serves");
  auto files = std::make_shared<SiteFiles>();
  add_site_options(*cmd, *files);
  cmd->callback([&g, options, files] {
    auto settings = read_site_settings(g, *files);
    if (!settings) {
      g.exit_code = fail(settings.status());
      return;
    }
    options->site = std::move(*settings);
    // Opening read-write first brings the schema up to date; the workers only read, and
    // this connection serves logins.
    auto store = open_store(g);
    g.exit_code = store ? web::serve(g.db, std::move(store), *options) : 1;
  });
}

}  // namespace jz::cli
