#pragma once
// The current key's secret, ready to sign manifests. Only `jianzheng publish` and
// `keys rotate` load it; the memory holding it is wiped when the Signer goes.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "mirror/keyring.hpp"

namespace jz::mirror {

class Signer {
 public:
  // `seed` is the 32-byte Ed25519 seed of keyring.current().
  Signer(Keyring keyring, std::string_view seed);
  ~Signer();
  Signer(Signer&& other) noexcept;
  Signer& operator=(Signer&& other) noexcept;
  Signer(const Signer&) = delete;
  Signer& operator=(const Signer&) = delete;

  // The public keyring the key belongs to; sign_and_write copies it into the mirror.
  const Keyring& keyring() const { return keyring_; }
  const std::string& fingerprint() const { return keyring_.current_fingerprint(); }
  // An Ed25519 detached signature: 64 raw bytes.
  std::string sign(std::string_view message) const;

 private:
  Keyring keyring_;
  std::array<unsigned char, 64> secret_{};  // libsodium's form: seed then public key
};

// The keyring in `dir` with its current key's secret. Refuses a secret file that others
// may read, or one that does not belong to the current key.
Result<Signer> load_signer(const std::filesystem::path& dir);

// The text of a secret key file, and back (the 32-byte seed).
std::string secret_file_text(std::string_view seed);
Result<std::string> parse_secret_file(std::string_view text, const std::string& where);

}  // namespace jz::mirror
