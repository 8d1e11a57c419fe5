#pragma once
// The public keyring (keys.json): every signing key the site ever used, oldest first, the
// last one current. Each key after the first carries an endorsement: the previous key's
// Ed25519 signature over it, so a reader who trusts any one key can follow the chain to
// the keys that came after it. A keyring directory (default var/keys) holds keys.json and
// the current key's secret, secret-<fingerprint>.key (mode 0600); a web server or a
// reader needs only keys.json. Format: src/mirror/README.md.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "mirror/fingerprint.hpp"

namespace jz::mirror {

inline constexpr std::string_view kKeyringFormat = "jianzheng-keys/1";
inline constexpr std::string_view kKeyringFile = "keys.json";

struct KeyEntry {
  std::string fingerprint = {};
  PublicKey public_key = {};
  std::string created = {};      // "YYYY-MM-DDTHH:MM:SSZ"
  std::string retired = {};      // empty while current
  std::string endorsement = {};  // 64 raw bytes; empty for the first key
};

struct Keyring {
  std::vector<KeyEntry> keys;  // oldest first; never empty once loaded

  const KeyEntry& current() const { return keys.back(); }
  const std::string& current_fingerprint() const { return current().fingerprint; }
  // The position of the key with this fingerprint, or -1.
  int find(std::string_view fingerprint) const;
};

// What the previous key signs to endorse `next`: a fixed prefix and the 32 key bytes, so
// the signature can never be mistaken for one over a manifest.
std::string endorsement_message(const PublicKey& next);

// Reads keys.json text; checks the format, every fingerprint against its key and every
// endorsement. `where` names the file in messages.
Result<Keyring> parse_keyring(std::string_view json, const std::string& where);
// keys.json text: fixed key order and indentation, so the same keyring gives the same bytes.
std::string keyring_json(const Keyring& keyring);

// The public keyring in `dir` (only keys.json is read: no secret is needed).
Result<Keyring> load_keyring(const std::filesystem::path& dir);
// Makes the first key in `dir` (created if absent, mode 0700). Refuses when `dir` already
// holds a keyring: replacing it would orphan every mirror signed so far (use rotate_keys).
Result<Keyring> generate_keys(const std::filesystem::path& dir, const Clock& clock = utc_now);
// Makes a new current key endorsed by the current one, marks that one retired and deletes
// its secret (a retired key never signs again).
Result<Keyring> rotate_keys(const std::filesystem::path& dir, const Clock& clock = utc_now);

// The key directory beside a database: var/keys for var/jianzheng.db.
std::filesystem::path default_keys_dir(const std::filesystem::path& db);

std::filesystem::path secret_key_path(const std::filesystem::path& dir,
                                      std::string_view fingerprint);

}  // namespace jz::mirror
