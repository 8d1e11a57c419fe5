#pragma once
// Signing a mirror: keys.json (the public keyring) is copied into it and listed like any
// file, then manifest.json is written and manifest.sig holds the Ed25519 signature over its
// exact bytes (base64, one line).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "mirror/manifest.hpp"
#include "mirror/signer.hpp"

namespace jz::mirror {

// Writes DIR/keys.json, DIR/manifest.json and DIR/manifest.sig, each atomically.
// `manifest.created` must be set (the time of the database's latest revision: the same
// data signs to the same bytes); its key is set here; an entry for keys.json is added or
// replaced with the copy's hash.
Status sign_and_write(const std::filesystem::path& dir, Manifest manifest, const Signer& signer);
// hash_tree(dir), then sign_and_write with `created`.
Status sign_tree(const std::filesystem::path& dir, std::string_view created, const Signer& signer);

std::string signature_file_text(std::string_view signature);
// The 64 signature bytes of manifest.sig's text; nothing when it is not one.
std::optional<std::string> parse_signature_file(std::string_view text);

}  // namespace jz::mirror
