#pragma once
// The options `serve` and `publish` share for what the organisation sets beside the data:
// priority weights, the keyring whose fingerprint every page shows, the list of mirrors.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/command.hpp"
#include "web/context.hpp"

namespace jz::cli {

struct SiteFiles {
  std::string weights;  // "" for the built-in weights
  std::string keys;     // "" for the database's folder + "/keys", used when it exists
  std::string mirrors;  // "" for the database's folder + "/mirrors.json", used when it exists
};

void add_site_options(CLI::App& cmd, SiteFiles& files);

// The keyring folder: `given` (--keys), or keys/ beside the database.
std::string keys_dir(const Globals& g, const std::string& given);

// Reads what was named; a file named on the command line must exist, a default one may not.
Result<web::SiteSettings> read_site_settings(const Globals& g, const SiteFiles& files);

}  // namespace jz::cli
