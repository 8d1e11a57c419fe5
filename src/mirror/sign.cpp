#include "mirror/sign.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/clock.hpp"
#include "mirror/base64.hpp"
#include "mirror/file_io.hpp"
#include "mirror/keyring.hpp"
#include "mirror/tree.hpp"

namespace jz::mirror {

namespace fs = std::filesystem;

std::string signature_file_text(std::string_view signature) {
  return base64_encode(signature) + "\n";
}

std::optional<std::string> parse_signature_file(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  auto sig = base64_decode(text);
  if (!sig || sig->size() != crypto_sign_BYTES) return std::nullopt;
  return sig;
}

Status sign_and_write(const fs::path& dir, Manifest manifest, const Signer& signer) {
  if (!utc_seconds(manifest.created))
    return Status::invalid("the manifest's time \"" + manifest.created +
                           "\" is not YYYY-MM-DDTHH:MM:SSZ (give the time of the database's "
                           "latest revision)");
  const std::string keys = keyring_json(signer.keyring());
  JZ_RETURN_IF_ERROR(write_file_atomically(dir / kKeyringFile, keys));
  MirrorFile keys_entry{
      .path = std::string(kKeyringFile), .size = keys.size(), .blake2b = blake2b(keys)};
  auto& files = manifest.files;
  std::erase_if(files, [](const MirrorFile& e) { return e.path == kKeyringFile; });
  files.push_back(std::move(keys_entry));
  auto checked = manifest_from_entries(std::move(files), std::move(manifest.created));
  if (!checked) return checked.status();
  checked->key = signer.fingerprint();
  const std::string text = manifest_json(*checked);
  JZ_RETURN_IF_ERROR(write_file_atomically(dir / kManifestFile, text));
  return write_file_atomically(dir / kSignatureFile, signature_file_text(signer.sign(text)));
}

Status sign_tree(const fs::path& dir, std::string_view created, const Signer& signer) {
  auto m = hash_tree(dir);
  if (!m) return m.status();
  m->created = std::string(created);
  return sign_and_write(dir, std::move(*m), signer);
}

}  // namespace jz::mirror
