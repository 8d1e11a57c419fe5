// jianzheng keys generate|rotate: the key that signs published mirrors (src/mirror).
#include <iostream>

#include "cli/command.hpp"
#include "cli/site_settings.hpp"
#include "mirror/keyring.hpp"

namespace jz::cli {

void add_keys(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("keys", "The key that signs published mirrors");
  cmd->require_subcommand(1);
  auto dir = std::make_shared<std::string>();

  auto* generate = cmd->add_subcommand("generate", "Make the site's first signing key");
  generate->add_option("--keys", *dir, "key directory (default: keys/ beside the database)");
  generate->callback([&g, dir] {
    const std::string d = keys_dir(g, *dir);
    auto ring = mirror::generate_keys(d);
    if (!ring) {
      g.exit_code = fail(ring.status());
      return;
    }
    const auto& fp = ring->current_fingerprint();
    std::cout << "key " << fp << "\n"
              << "public keyring: " << (std::filesystem::path(d) / "keys.json").string() << "\n"
              << "secret: " << mirror::secret_key_path(d, fp).string()
              << " (mode 0600; keep a copy offline, never on a web server)\n"
              << "Put the fingerprint on the site's about page: readers check mirrors with "
                 "`jianzheng verify-mirror DIR --key "
              << fp << "`\n";
  });

  auto* rotate = cmd->add_subcommand(
      "rotate", "Replace the signing key with a new one the current key endorses");
  rotate->add_option("--keys", *dir, "key directory (default: keys/ beside the database)");
  rotate->callback([&g, dir] {
    auto ring = mirror::rotate_keys(keys_dir(g, *dir));
    if (!ring) {
      g.exit_code = fail(ring.status());
      return;
    }
    const auto& keys = ring->keys;
    std::cout << "key " << ring->current_fingerprint() << "\n"
              << "endorsed by " << keys[keys.size() - 2].fingerprint
              << ", now retired (its secret is deleted)\n"
              << "Readers who trust an earlier key still verify new mirrors; show the new "
                 "fingerprint on the about page.\n";
  });
}

}  // namespace jz::cli
