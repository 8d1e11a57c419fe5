#pragma once
// Which key may sign this mirror, from what the verifier trusts: a fingerprint copied from
// the site (--key), followed forward through the endorsements of the mirror's keys.json,
// or a keyring directory (--keys).
#include <filesystem>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "mirror/fingerprint.hpp"
#include "mirror/manifest.hpp"

namespace jz::mirror {

struct Trust {
  std::string anchor;            // the fingerprint trusted to begin with
  std::optional<PublicKey> key;  // the manifest's key, when trusted
  std::string problem;           // why it is not (an UNKNOWN KEY line)
};

// `trusted_key` (canonical fingerprint) or `keyring_dir`; `mirror_keys` is the mirror's
// keys.json, if it has one. Fails only when the keyring directory cannot be read.
Result<Trust> decide_trust(const Manifest& manifest, const std::optional<std::string>& mirror_keys,
                           const std::string& trusted_key,
                           const std::filesystem::path& keyring_dir);

}  // namespace jz::mirror
