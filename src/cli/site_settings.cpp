#include "cli/site_settings.hpp"

#include <filesystem>

#include "mirror/keyring.hpp"

namespace jz::cli {

namespace fs = std::filesystem;

void add_site_options(CLI::App& cmd, SiteFiles& files) {
  cmd.add_option("--priority-weights", files.weights,
                 "a JSON file of priority weights (see data/priority-weights.json)");
  cmd.add_option("--keys", files.keys,
                 "the keyring folder of `jianzheng keys generate` (default: keys/ beside the "
                 "database, when it exists): every page shows its key's fingerprint");
  cmd.add_option("--mirrors", files.mirrors,
                 "a JSON file of known mirrors for the mirrors page (see data/demo/mirrors.json; "
                 "default: mirrors.json beside the database, when it exists)");
}

std::string keys_dir(const Globals& g, const std::string& given) {
  return given.empty() ? mirror::default_keys_dir(g.db).string() : given;
}

Result<web::SiteSettings> read_site_settings(const Globals& g, const SiteFiles& files) {
  web::SiteSettings settings;
  if (!files.weights.empty()) {
    auto w = read_weights(files.weights);
    if (!w) return w.status();
    settings.priority_weights = *w;
  }
  const fs::path keys = keys_dir(g, files.keys);
  std::error_code ec;
  if (!files.keys.empty() || fs::exists(keys / mirror::kKeyringFile, ec)) {
    auto keyring = mirror::load_keyring(keys);
    if (!keyring) return keyring.status();
    settings.signing_key = keyring->current_fingerprint();
    for (auto it = keyring->keys.rbegin() + 1; it != keyring->keys.rend(); ++it)
      settings.earlier_keys.push_back(it->fingerprint);
  }
  fs::path mirrors = files.mirrors.empty() ? fs::path(g.db).parent_path() / "mirrors.json"
                                           : fs::path(files.mirrors);
  if (!files.mirrors.empty() || fs::exists(mirrors, ec)) {
    auto list = web::read_mirror_list(mirrors);
    if (!list) return list.status();
    settings.mirrors = std::move(*list);
  }
  return settings;
}

}  // namespace jz::cli
