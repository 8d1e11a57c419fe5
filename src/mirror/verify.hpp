#pragma once
// Checking a mirror directory or bundle against its signed manifest: every file present,
// unchanged and listed; the signature good and by a trusted key; the manifest not older
// than the newest one the verifier has seen.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace jz::mirror {

struct VerifyOptions {
  // What is trusted, one of the two: a fingerprint as the site shows it (canonical form,
  // see parse_fingerprint), or a keyring directory holding keys.json.
  std::string trusted_key = {};
  std::filesystem::path keyring_dir = {};
  // Remembers the newest manifest verified clean per trusted key; updated only after a
  // fully clean verification. Empty: none.
  std::filesystem::path state_file = {};
  // A manifest older than this ("YYYY-MM-DDTHH:MM:SSZ") is stale. Empty: no limit.
  std::string not_before = {};
};

struct VerifyReport {
  std::string created;  // the manifest's time
  std::string key;      // the fingerprint it names as its signer
  std::string anchor;   // the fingerprint trusted to begin with
  std::size_t files_checked = 0;
  std::vector<std::string> missing;        // listed, absent
  std::vector<std::string> altered;        // listed, different (with why, when not the bytes)
  std::vector<std::string> extra;          // present, not listed
  std::vector<std::string> stale;          // why the manifest is older than it may be
  std::vector<std::string> bad_signature;  // the signature is absent or does not verify
  std::vector<std::string> unknown_key;    // the signing key is not a trusted one
  bool state_updated = false;

  std::size_t problems() const {
    return missing.size() + altered.size() + extra.size() + stale.size() + bad_signature.size() +
           unknown_key.size();
  }
  bool ok() const { return problems() == 0; }
};

// `path` is a mirror directory or a bundle (ZIP) file, read without unpacking. Fails (rather
// than reporting) when there is nothing to check: no such path, an unreadable bundle, no
// manifest.json or a damaged one, no trust given, or a damaged keyring or state file.
Result<VerifyReport> verify_mirror(const std::filesystem::path& path, const VerifyOptions& options);

}  // namespace jz::mirror
