#include "mirror/signer.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <stdexcept>

#include "core/sodium_init.hpp"
#include "mirror/base64.hpp"
#include "mirror/file_io.hpp"

namespace jz::mirror {

namespace {
constexpr std::string_view kSecretHeader = "jianzheng secret key/1\n";
}  // namespace

Signer::Signer(Keyring keyring, std::string_view seed) : keyring_(std::move(keyring)) {
  init_sodium();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  if (seed.size() != crypto_sign_SEEDBYTES || keyring_.keys.empty() ||
      crypto_sign_seed_keypair(pk, secret_.data(),
                               reinterpret_cast<const unsigned char*>(seed.data())) != 0)
    throw std::invalid_argument("Signer: a 32-byte seed and a keyring are needed");
  if (sodium_memcmp(pk, keyring_.current().public_key.data(), sizeof pk) != 0) {
    sodium_memzero(secret_.data(), secret_.size());
    throw std::invalid_argument("Signer: the seed is not the current key's");
  }
}

Signer::~Signer() {
  sodium_memzero(secret_.data(), secret_.size());
}

Signer::Signer(Signer&& other) noexcept
    : keyring_(std::move(other.keyring_)), secret_(other.secret_) {
  sodium_memzero(other.secret_.data(), other.secret_.size());
}

Signer& Signer::operator=(Signer&& other) noexcept {
  if (this != &other) {
    keyring_ = std::move(other.keyring_);
    secret_ = other.secret_;
    sodium_memzero(other.secret_.data(), other.secret_.size());
  }
  return *this;
}

std::string Signer::sign(std::string_view message) const {
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return sig;
}

std::string secret_file_text(std::string_view seed) {
  return std::string(kSecretHeader) + base64_encode(seed) + "\n";
}

Result<std::string> parse_secret_file(std::string_view text, const std::string& where) {
  if (!text.starts_with(kSecretHeader) || !text.ends_with('\n'))
    return Status::corrupt(where + ": not a jianzheng secret key file");
  text.remove_prefix(kSecretHeader.size());
  text.remove_suffix(1);
  auto seed = base64_decode(text);
  if (!seed || seed->size() != crypto_sign_SEEDBYTES)
    return Status::corrupt(where + ": the secret key is damaged");
  return std::move(*seed);
}

Result<Signer> load_signer(const std::filesystem::path& dir) {
  auto ring = load_keyring(dir);
  if (!ring) return ring.status();
  const auto path = secret_key_path(dir, ring->current_fingerprint());
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0)
    return Status::not_found(path.string() +
                             ": the current key's secret is not here; sign on "
                             "the machine that holds it, or run `jianzheng keys rotate` there");
  if (!S_ISREG(st.st_mode)) return Status::invalid(path.string() + ": not a regular file");
  if ((st.st_mode & 077) != 0)
    return Status::forbidden(path.string() + ": others may read this secret key; run `chmod 600 " +
                             path.string() +
                             "` (and rotate the key if anyone else could have "
                             "copied it)");
  auto text = read_file(path);
  if (!text) return text.status();
  auto seed = parse_secret_file(*text, path.string());
  sodium_memzero(text->data(), text->size());
  if (!seed) return seed.status();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, reinterpret_cast<const unsigned char*>(seed->data()));
  sodium_memzero(sk, sizeof sk);
  if (sodium_memcmp(pk, ring->current().public_key.data(), sizeof pk) != 0) {
    sodium_memzero(seed->data(), seed->size());
    return Status::corrupt(path.string() + ": this secret does not belong to the current key " +
                           ring->current_fingerprint());
  }
  Signer signer(std::move(*ring), *seed);
  sodium_memzero(seed->data(), seed->size());
  return signer;
}

}  // namespace jz::mirror
