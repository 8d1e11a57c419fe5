#pragma once
// The manifest of a mirror (manifest.json): every file's path, size and BLAKE2b-256, the
// time of the data it shows and the fingerprint of the key that signs it. The text is
// canonical (fixed key order, one file a line, sorted byte-wise by path), so the same
// files and time always give the same bytes, and a manifest in any other form is refused.
// Format: src/mirror/README.md.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/blake2b.hpp"
#include "core/mirror_file.hpp"
#include "core/status.hpp"
#include "mirror/mirror_path.hpp"

namespace jz::mirror {

inline constexpr std::string_view kManifestFormat = "jianzheng-mirror/1";

struct Manifest {
  std::string created = {};  // "YYYY-MM-DDTHH:MM:SSZ": the time of the data, never of the run
  std::string key = {};      // the signing key's fingerprint (set by sign_and_write)
  std::vector<MirrorFile> files = {};  // sorted byte-wise by path
};

// A manifest of files the caller already hashed (the exporter holds the bytes it wrote):
// sorts them and refuses a bad or repeated path, or one of the signature's own files.
Result<Manifest> manifest_from_entries(std::vector<MirrorFile> files, std::string created = {});
// The canonical text of manifest.json.
std::string manifest_json(const Manifest& manifest);
// Reads manifest.json; `where` names it in messages.
Result<Manifest> parse_manifest(std::string_view text, const std::string& where);

}  // namespace jz::mirror
