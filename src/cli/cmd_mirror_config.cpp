// jianzheng mirror-config nginx|tor: server configurations for a published mirror.
#include <iostream>

#include "cli/command.hpp"
#include "mirror/file_io.hpp"
#include "mirror/server_configs.hpp"

namespace jz::cli {
namespace {

namespace fs = std::filesystem;

struct ConfigArgs {
  std::string root;
  std::string out;
  std::string state_dir;
  std::string listen = "127.0.0.1";
  std::string server_name = "_";
  std::string data_dir;
  std::string onion_dir;
  std::string target = "127.0.0.1";
  int port = 8080;
  bool gzip_static = false;
};

// `given`, or `name` beside the output file (or in the current directory), made absolute.
fs::path beside_out(const ConfigArgs& a, const std::string& given, const char* name) {
  std::error_code ec;
  if (!given.empty()) return fs::absolute(given, ec);
  fs::path base = a.out.empty() ? fs::current_path(ec) : fs::absolute(a.out, ec).parent_path();
  return base / name;
}

// Writes the text to --out (atomically) or stdout.
Status emit(const ConfigArgs& a, const Result<std::string>& text) {
  if (!text) return text.status();
  if (a.out.empty()) {
    std::cout << *text;
    return Status::ok();
  }
  JZ_RETURN_IF_ERROR(mirror::write_file_atomically(a.out, *text));
  std::cerr << "wrote " << a.out << "\n";
  return Status::ok();
}

}  // namespace

void add_mirror_config(CLI::App& app, Globals& g) {
  auto* cmd =
      app.add_subcommand("mirror-config", "Write an nginx or Tor configuration serving a mirror");
  cmd->require_subcommand(1);
  auto a = std::make_shared<ConfigArgs>();

  auto* nginx = cmd->add_subcommand(
      "nginx", "A complete nginx.conf that runs as any user and never logs readers' addresses");
  nginx->add_option("--root", a->root, "the mirror's directory")->required();
  nginx->add_option("--port", a->port, "port to listen on")->capture_default_str();
  nginx->add_option("--listen", a->listen, "address to listen on (* for all)")
      ->capture_default_str();
  nginx->add_option("--server-name", a->server_name, "host name (_ for any)")
      ->capture_default_str();
  nginx->add_option("--state-dir", a->state_dir,
                    "pid file, error log and temporary files (default: nginx-state/ beside "
                    "--out; created)");
  nginx->add_flag("--gzip-static", a->gzip_static, "serve FILE.gz beside FILE when present");
  nginx->add_option("--out", a->out, "file to write (default: standard output)");
  nginx->callback([&g, a] {
    std::error_code ec;
    const fs::path state = beside_out(*a, a->state_dir, "nginx-state");
    fs::create_directories(state, ec);
    if (ec) {
      g.exit_code = fail(Status::io(state.string() + ": cannot create it: " + ec.message()));
      return;
    }
    Status s = emit(*a, mirror::nginx_config({.root = fs::absolute(a->root, ec),
                                              .state_dir = state,
                                              .listen = a->listen,
                                              .port = a->port,
                                              .server_name = a->server_name,
                                              .gzip_static = a->gzip_static}));
    if (!s) g.exit_code = fail(s);
  });

  auto* tor = cmd->add_subcommand("tor", "A torrc for an onion service in front of nginx");
  tor->add_option("--port", a->port, "port nginx listens on")->capture_default_str();
  tor->add_option("--target", a->target, "address nginx listens on")->capture_default_str();
  tor->add_option("--data-dir", a->data_dir, "Tor's state (default: tor-data/ beside --out)");
  tor->add_option("--hidden-service-dir", a->onion_dir,
                  "the onion service's keys and hostname (default: onion/ beside --out)");
  tor->add_option("--out", a->out, "file to write (default: standard output)");
  tor->callback([&g, a] {
    Status s = emit(*a, mirror::torrc({.data_dir = beside_out(*a, a->data_dir, "tor-data"),
                                       .hidden_service_dir = beside_out(*a, a->onion_dir, "onion"),
                                       .target = a->target,
                                       .target_port = a->port}));
    if (!s) g.exit_code = fail(s);
  });
}

}  // namespace jz::cli
