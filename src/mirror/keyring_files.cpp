// The keyring directory on disk: load, generate, rotate.
#include <sodium.h>
#include <sys/stat.h>

#include <system_error>

#include "core/sodium_init.hpp"
#include "mirror/file_io.hpp"
#include "mirror/keyring.hpp"
#include "mirror/signer.hpp"

namespace jz::mirror {

namespace fs = std::filesystem;

namespace {

// A new key pair: its public entry (fingerprint, key, time) and its seed.
struct NewKey {
  KeyEntry entry;
  std::string seed;
  ~NewKey() { sodium_memzero(seed.data(), seed.size()); }
};

NewKey make_key(const Clock& clock) {
  init_sodium();
  NewKey k;
  k.seed.assign(crypto_sign_SEEDBYTES, '\0');
  randombytes_buf(k.seed.data(), k.seed.size());
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(k.entry.public_key.data(), sk,
                           reinterpret_cast<const unsigned char*>(k.seed.data()));
  sodium_memzero(sk, sizeof sk);
  k.entry.fingerprint = fingerprint(k.entry.public_key);
  k.entry.created = clock();
  return k;
}

Status make_private_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return Status::ok();
  if (dir.has_parent_path()) fs::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && !fs::is_directory(dir, ec))
    return Status::io(dir.string() + ": cannot create the key directory");
  return Status::ok();
}

}  // namespace

fs::path default_keys_dir(const fs::path& db) {
  return db.parent_path() / "keys";
}

fs::path secret_key_path(const fs::path& dir, std::string_view fp) {
  return dir / ("secret-" + std::string(fp) + ".key");
}

Result<Keyring> load_keyring(const fs::path& dir) {
  const fs::path file = dir / kKeyringFile;
  std::error_code ec;
  if (!fs::exists(file, ec))
    return Status::not_found(file.string() +
                             ": no keyring here; make one with `jianzheng keys generate --keys " +
                             dir.string() + "`, or give the directory that holds keys.json");
  auto text = read_file(file);
  if (!text) return text.status();
  return parse_keyring(*text, file.string());
}

Result<Keyring> generate_keys(const fs::path& dir, const Clock& clock) {
  std::error_code ec;
  if (fs::exists(dir / kKeyringFile, ec))
    return Status::conflict((dir / kKeyringFile).string() +
                            ": a keyring exists already; a new first key would orphan every "
                            "mirror signed with it. Use `jianzheng keys rotate` for a new key");
  JZ_RETURN_IF_ERROR(make_private_dir(dir));
  NewKey key = make_key(clock);
  Keyring ring;
  ring.keys.push_back(key.entry);
  JZ_RETURN_IF_ERROR(
      create_secret_file(secret_key_path(dir, key.entry.fingerprint), secret_file_text(key.seed)));
  JZ_RETURN_IF_ERROR(write_file_atomically(dir / kKeyringFile, keyring_json(ring)));
  return ring;
}

Result<Keyring> rotate_keys(const fs::path& dir, const Clock& clock) {
  auto signer = load_signer(dir);
  if (!signer) return signer.status();
  Keyring ring = signer->keyring();
  NewKey key = make_key(clock);
  key.entry.endorsement = signer->sign(endorsement_message(key.entry.public_key));
  ring.keys.back().retired = key.entry.created;
  ring.keys.push_back(key.entry);
  // The new secret first: if anything fails after it, keys.json still names the old key,
  // whose secret is still there.
  JZ_RETURN_IF_ERROR(
      create_secret_file(secret_key_path(dir, key.entry.fingerprint), secret_file_text(key.seed)));
  JZ_RETURN_IF_ERROR(write_file_atomically(dir / kKeyringFile, keyring_json(ring)));
  const fs::path old = secret_key_path(dir, signer->fingerprint());
  std::error_code ec;
  fs::remove(old, ec);
  if (ec)
    return Status::io(old.string() +
                      ": the key was rotated, but its retired secret could not be "
                      "deleted: " +
                      ec.message() + "; delete it yourself");
  return ring;
}

}  // namespace jz::mirror
