#include "mirror/trust.hpp"

#include "mirror/keyring.hpp"

namespace jz::mirror {

namespace {

// The key at `index` signed `m`: trusted unless it was retired before the data's time
// (after a rotation the old key never signs again; its signature on newer data is forged).
void accept(const Keyring& ring, int index, const Manifest& m, Trust& t) {
  const auto& k = ring.keys[static_cast<std::size_t>(index)];
  if (!k.retired.empty() && m.created > k.retired) {
    t.problem = "the manifest of " + m.created + " is signed by " + m.key + ", a key retired on " +
                k.retired + "; a retired key never signs again";
    return;
  }
  t.key = k.public_key;
}

}  // namespace

Result<Trust> decide_trust(const Manifest& m, const std::optional<std::string>& mirror_keys,
                           const std::string& trusted_key,
                           const std::filesystem::path& keyring_dir) {
  Trust t;
  if (!keyring_dir.empty()) {
    auto ring = load_keyring(keyring_dir);
    if (!ring) return ring.status();
    t.anchor = ring->keys.front().fingerprint;
    const int i = ring->find(m.key);
    if (i < 0)
      t.problem = "the manifest is signed by " + m.key + ", which is not in " +
                  (keyring_dir / kKeyringFile).string() + " (current key " +
                  ring->current_fingerprint() + ")";
    else
      accept(*ring, i, m, t);
    return t;
  }
  t.anchor = trusted_key;
  if (!mirror_keys) {
    t.problem = "the mirror has no keys.json, so nothing leads from your key " + trusted_key +
                " to the signing key " + m.key;
    return t;
  }
  auto ring = parse_keyring(*mirror_keys, "keys.json");
  if (!ring) {
    t.problem = "the mirror's " + ring.status().message() + ", so the signing key " + m.key +
                " cannot be traced to yours";
    return t;
  }
  const int anchor = ring->find(trusted_key), signer = ring->find(m.key);
  if (anchor < 0)
    t.problem = "your key " + trusted_key + " is not in the mirror's keys.json: the mirror is " +
                "signed by " + m.key + ", a key yours never endorsed (or one older than yours)";
  else if (signer < 0)
    t.problem = "the signing key " + m.key + " is not in the mirror's keys.json";
  else if (signer < anchor)
    t.problem = "the mirror is signed by " + m.key + ", a key older than yours (" + trusted_key +
                "); a key vouches only for the keys after it";
  else
    accept(*ring, signer, m, t);
  return t;
}

}  // namespace jz::mirror
