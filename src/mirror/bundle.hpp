#pragma once
// The offline bundle: one ZIP of a signed mirror directory, for a USB stick or a file
// share. ZIP because every reader's computer opens it with a double click; unpacked, its
// pages work from file://. The bytes are deterministic: entries sorted by path, every time
// the mirror's `created`, no owners, deflate at a fixed level.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "mirror/manifest.hpp"

namespace jz::mirror {

// Writes every file under `dir` (signed: manifest.json, manifest.sig, keys.json included)
// to `bundle_path`, through a temporary file renamed into place. Refuses symlinks and
// other non-regular files.
Status write_bundle(const std::filesystem::path& dir, const std::filesystem::path& bundle_path,
                    std::string_view created);

// What a bundle holds, read without unpacking it.
struct BundleContents {
  std::vector<MirrorFile> files;        // sorted; not manifest.json and manifest.sig
  std::vector<std::string> others;      // entries that are not plain files, or unsafe paths
  std::vector<std::string> duplicates;  // paths present more than once
  std::optional<std::string> manifest;  // manifest.json's bytes, if present
  std::optional<std::string> signature;
  std::optional<std::string> keys;  // keys.json's bytes, if present
};

Result<BundleContents> read_bundle(const std::filesystem::path& bundle_path);

}  // namespace jz::mirror
