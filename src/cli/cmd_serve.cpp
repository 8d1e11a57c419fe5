#include "cli/command.hpp"
#include "web/serve.hpp"

namespace jz::cli {

void add_serve(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("serve", "Serve the public website until Ctrl-C or SIGTERM");
  auto options = std::make_shared<web::ServeOptions>();
  cmd->add_option("--port", options->port, "TCP port")->capture_default_str();
  cmd->add_option("--bind", options->bind, "address to listen on")->capture_default_str();
  cmd->callback([&g, options] {
    auto store = open_store(g);
    g.exit_code = store ? web::serve(*store, *options) : 1;
  });
}

}  // namespace jz::cli
