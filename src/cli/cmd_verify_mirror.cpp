// jianzheng verify-mirror DIR|BUNDLE: checks a published mirror against its signed manifest.
// Exit 0 when intact, 1 on any problem (or when there is nothing to check), 2 on a usage
// mistake.
#include <iostream>

#include "cli/command.hpp"
#include "core/clock.hpp"
#include "mirror/fingerprint.hpp"
#include "mirror/keyring.hpp"
#include "mirror/verify.hpp"

namespace jz::cli {
namespace {

struct VerifyArgs {
  std::string path;
  std::string key;
  std::string keys;
  std::string state;
  std::string not_before;
};

// A usage mistake: the message and exit 2.
int usage(const std::string& message) {
  std::cerr << "jianzheng verify-mirror: " << message << "\n";
  return 2;
}

// The options as the library takes them, or why not (a usage mistake).
Result<mirror::VerifyOptions> options(const Globals& g, const VerifyArgs& a) {
  mirror::VerifyOptions o;
  if (!a.key.empty() && !a.keys.empty()) return Status::invalid("give --key or --keys, not both");
  if (!a.key.empty()) {
    auto fp = mirror::parse_fingerprint(a.key);
    if (!fp) return Status::invalid("--key: " + fp.status().message());
    o.trusted_key = *fp;
  } else if (!a.keys.empty()) {
    o.keyring_dir = a.keys;
  } else {
    const auto dflt = mirror::default_keys_dir(g.db);
    std::error_code ec;
    if (!std::filesystem::exists(dflt / "keys.json", ec))
      return Status::invalid(
          "which key do you trust? Give --key FINGERPRINT, copied from the site's about page "
          "(it is also at the foot of every page and in the keys.json you got from the site), "
          "or --keys DIR, a directory holding the site's keys.json");
    o.keyring_dir = dflt;
  }
  o.state_file = a.state;
  o.not_before = a.not_before;
  if (o.not_before.size() == 10) o.not_before += "T00:00:00Z";  // a day: its start, UTC
  if (!o.not_before.empty() && !utc_seconds(o.not_before))
    return Status::invalid("--not-before \"" + a.not_before +
                           "\": give a day (2024-06-01) or a time (2024-06-01T12:00:00Z, UTC)");
  return o;
}

void print(const std::string& tag, const std::vector<std::string>& items) {
  for (const auto& i : items) std::cout << tag << " " << i << "\n";
}

}  // namespace

void add_verify_mirror(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "verify-mirror",
      "Check a mirror directory or bundle: every file against the signed manifest, the "
      "signature against a key you trust (exit 1 on any problem)");
  auto a = std::make_shared<VerifyArgs>();
  cmd->add_option("path", a->path, "the mirror's directory, or its bundle (.zip)")->required();
  cmd->add_option("--key", a->key,
                  "fingerprint of the site's key, as its about page shows it (an earlier key "
                  "of the site also works)");
  cmd->add_option("--keys", a->keys,
                  "a directory holding the site's keys.json (default: keys/ beside the database)");
  cmd->add_option("--state", a->state,
                  "a file remembering the newest mirror verified: an older one is then stale");
  cmd->add_option("--not-before", a->not_before,
                  "a mirror whose data is older than this day or time (UTC) is stale");
  cmd->callback([&g, a] {
    auto o = options(g, *a);
    if (!o) {
      g.exit_code = usage(o.status().message());
      return;
    }
    auto r = mirror::verify_mirror(a->path, *o);
    if (!r) {
      g.exit_code = fail(r.status());
      return;
    }
    print("MISSING", r->missing);
    print("ALTERED", r->altered);
    print("EXTRA", r->extra);
    print("STALE", r->stale);
    print("BAD SIGNATURE", r->bad_signature);
    print("UNKNOWN KEY", r->unknown_key);
    std::cout << "checked " << r->files_checked << " files of the manifest of " << r->created
              << ", signed by " << r->key << "\n";
    if (!r->ok()) {
      std::cout << r->problems() << " problem(s): do not trust this mirror; get it again from "
                << "a source you trust\n";
      g.exit_code = 1;
      return;
    }
    std::cout << "mirror intact" << (r->state_updated ? " (state updated)" : "") << "\n";
  });
}

}  // namespace jz::cli
