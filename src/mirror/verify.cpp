#include "mirror/verify.hpp"

#include <sodium.h>

#include <optional>

#include "core/clock.hpp"
#include "core/sodium_init.hpp"
#include "mirror/bundle.hpp"
#include "mirror/file_io.hpp"
#include "mirror/keyring.hpp"
#include "mirror/manifest.hpp"
#include "mirror/sign.hpp"
#include "mirror/tree.hpp"
#include "mirror/trust.hpp"
#include "mirror/verify_state.hpp"

namespace jz::mirror {

namespace fs = std::filesystem;

namespace {

// What a mirror holds, from a directory or a bundle.
struct Found {
  std::vector<MirrorFile> files;    // sorted, unique
  std::vector<std::string> others;  // not plain files (or unsafe paths in a bundle)
  std::vector<std::string> duplicates;
  std::optional<std::string> manifest, signature, keys;
};

std::optional<std::string> read_if_file(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(p, ec))) return std::nullopt;
  auto text = read_file(p);
  if (!text) return std::nullopt;
  return std::move(*text);
}

Result<Found> read_directory(const fs::path& dir) {
  auto scan = scan_tree(dir);
  if (!scan) return scan.status();
  Found f;
  f.files = std::move(scan->files);
  f.others = std::move(scan->others);
  f.manifest = read_if_file(dir / kManifestFile);
  f.signature = read_if_file(dir / kSignatureFile);
  f.keys = read_if_file(dir / kKeyringFile);
  return f;
}

Result<Found> read_bundle_file(const fs::path& file) {
  auto b = read_bundle(file);
  if (!b) return b.status();
  return Found{.files = std::move(b->files),
               .others = std::move(b->others),
               .duplicates = std::move(b->duplicates),
               .manifest = std::move(b->manifest),
               .signature = std::move(b->signature),
               .keys = std::move(b->keys)};
}

bool contains(const std::vector<MirrorFile>& sorted, const std::string& path) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), path,
                             [](const MirrorFile& e, const std::string& p) { return e.path < p; });
  return it != sorted.end() && it->path == path;
}

// Missing, altered and extra files: a merge of two lists sorted by path.
void compare_files(const Manifest& m, const Found& f, VerifyReport& r) {
  std::size_t i = 0, j = 0;
  const auto& want = m.files;
  const auto& have = f.files;
  while (i < want.size() || j < have.size()) {
    if (j == have.size() || (i < want.size() && want[i].path < have[j].path)) {
      const auto& p = want[i++].path;
      if (std::find(f.others.begin(), f.others.end(), p) != f.others.end())
        r.altered.push_back(p + " (not a plain file: a symlink or special file)");
      else if (std::binary_search(f.duplicates.begin(), f.duplicates.end(), p))
        r.altered.push_back(p + " (more than once in the bundle)");
      else
        r.missing.push_back(p);
    } else if (i == want.size() || have[j].path < want[i].path) {
      r.extra.push_back(have[j++].path);
    } else {
      if (have[j].size != want[i].size || have[j].blake2b != want[i].blake2b)
        r.altered.push_back(want[i].path);
      ++i, ++j;
    }
  }
  for (const auto& p : f.others)
    if (!contains(want, p)) r.extra.push_back(p + " (not a plain file)");
  for (const auto& p : f.duplicates) {
    if (is_signature_file(p))
      r.bad_signature.push_back(p + " is more than once in the bundle");
    else if (!contains(want, p))
      r.extra.push_back(p + " (more than once in the bundle)");
  }
  r.files_checked = want.size();
}

void check_signature(const std::string& manifest_text, const Found& f, const Trust& t,
                     VerifyReport& r) {
  if (!f.signature) {
    r.bad_signature.push_back("there is no manifest.sig: the manifest is not signed");
    return;
  }
  auto sig = parse_signature_file(*f.signature);
  if (!sig) {
    r.bad_signature.push_back("manifest.sig does not hold a signature (damaged)");
    return;
  }
  if (!t.key) return;  // no trusted key to check it with: reported as UNKNOWN KEY
  init_sodium();
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data()),
                                  reinterpret_cast<const unsigned char*>(manifest_text.data()),
                                  manifest_text.size(), t.key->data()) != 0)
    r.bad_signature.push_back("manifest.sig does not verify with " + r.key +
                              ": manifest.json was changed after it was signed, or another key "
                              "signed it");
}

void check_fresh(const VerifyOptions& o, const VerifyState& state, VerifyReport& r) {
  if (!o.not_before.empty() && r.created < o.not_before)
    r.stale.push_back("manifest of " + r.created + " is older than --not-before " + o.not_before);
  auto seen = state.find(r.anchor);
  if (seen != state.end() && r.created < seen->second)
    r.stale.push_back("manifest of " + r.created + " is older than " + seen->second +
                      ", the newest verified before for key " + r.anchor + " (" +
                      o.state_file.string() + "): an old mirror is being passed off as current");
}

}  // namespace

Result<VerifyReport> verify_mirror(const fs::path& path, const VerifyOptions& o) {
  if (o.trusted_key.empty() == o.keyring_dir.empty())
    return Status::invalid(
        "say which key to trust: --key FINGERPRINT (as the site's about page "
        "shows it), or --keys DIR (a directory holding the site's keys.json)");
  if (!o.not_before.empty() && !utc_seconds(o.not_before))
    return Status::invalid("--not-before \"" + o.not_before +
                           "\": give a time as YYYY-MM-DDTHH:MM:SSZ");
  VerifyState state;
  if (!o.state_file.empty()) {
    auto s = load_verify_state(o.state_file);
    if (!s) return s.status();
    state = std::move(*s);
  }

  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status))
    return Status::not_found(path.string() + ": no such directory or bundle");
  auto found = fs::is_directory(status) ? read_directory(path) : read_bundle_file(path);
  if (!found) return found.status();
  if (!found->manifest)
    return Status::not_found(path.string() + ": there is no manifest.json; this is not a signed " +
                             "mirror (or its manifest was removed): get it again from a source "
                             "you trust");
  auto manifest = parse_manifest(*found->manifest, (path / kManifestFile).string());
  if (!manifest) return manifest.status();

  VerifyReport r;
  r.created = manifest->created;
  r.key = manifest->key;
  auto trust = decide_trust(*manifest, found->keys, o.trusted_key, o.keyring_dir);
  if (!trust) return trust.status();
  r.anchor = trust->anchor;
  if (!trust->problem.empty()) r.unknown_key.push_back(trust->problem);
  check_signature(*found->manifest, *found, *trust, r);
  check_fresh(o, state, r);
  compare_files(*manifest, *found, r);

  if (r.ok() && !o.state_file.empty()) {
    auto& newest = state[r.anchor];
    if (newest < r.created) {
      newest = r.created;
      JZ_RETURN_IF_ERROR(save_verify_state(o.state_file, state));
      r.state_updated = true;
    }
  }
  return r;
}

}  // namespace jz::mirror
