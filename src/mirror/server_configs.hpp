#pragma once
// Configuration files for serving a mirror: a complete nginx.conf that runs as any user
// (every path it writes under one state directory) and never logs a reader's address, and
// a torrc for an onion service in front of it. `nginx -t` and `tor --verify-config` accept
// both (tests/mirror/server_configs_test.cpp runs them).
#include <filesystem>
#include <string>

#include "core/status.hpp"

namespace jz::mirror {

struct NginxOptions {
  std::filesystem::path root = {};       // the mirror directory (absolute)
  std::filesystem::path state_dir = {};  // pid file, error log, temporary files (absolute)
  std::string listen = "127.0.0.1";      // an IPv4 or IPv6 address, or "*"
  int port = 8080;
  std::string server_name = "_";  // "_": any host
  bool gzip_static = false;       // serve FILE.gz beside FILE to browsers that accept gzip
};

struct TorOptions {
  std::filesystem::path data_dir = {};            // Tor's own state (absolute)
  std::filesystem::path hidden_service_dir = {};  // the onion address's keys (absolute)
  std::string target = "127.0.0.1";               // where nginx listens
  int target_port = 8080;
};

// Errors name the option and say what it takes.
Result<std::string> nginx_config(const NginxOptions& options);
Result<std::string> torrc(const TorOptions& options);

}  // namespace jz::mirror
