#include "mirror/mirror_folders.hpp"

#include <algorithm>

#include "mirror/file_io.hpp"

namespace jz::mirror {

namespace fs = std::filesystem;

MirrorFolders mirror_folders(const fs::path& dir) {
  return {dir, dir.string() + ".partial", dir.string() + ".previous"};
}

Result<std::vector<ManifestEntry>> start_staging(const MirrorFolders& folders) {
  std::error_code ec;
  fs::remove_all(folders.staging, ec);  // what a publish that stopped halfway left
  if (ec) return Status::io(folders.staging.string() + ": cannot remove it: " + ec.message());
  const fs::path manifest_path = folders.previous / "manifest.json";
  if (fs::exists(manifest_path, ec)) {
    auto text = read_file(manifest_path);
    auto manifest = text ? parse_manifest(*text, manifest_path.string()) : text.status();
    if (manifest) {
      fs::rename(folders.previous, folders.staging, ec);
      if (ec) return Status::io(folders.previous.string() + ": cannot move it: " + ec.message());
      auto& files = manifest->files;
      files.erase(std::remove_if(files.begin(), files.end(),
                                 [](const ManifestEntry& e) { return e.path == "keys.json"; }),
                  files.end());
      return std::move(files);
    }
  }
  // Nothing to build on: not a mirror, or one whose manifest is damaged.
  fs::remove_all(folders.previous, ec);
  if (ec) return Status::io(folders.previous.string() + ": cannot remove it: " + ec.message());
  fs::create_directories(folders.staging, ec);
  if (ec) return Status::io(folders.staging.string() + ": " + ec.message());
  return std::vector<ManifestEntry>{};
}

Status swap_in(const MirrorFolders& folders) {
  std::error_code ec;
  if (!fs::exists(folders.dir, ec)) {
    fs::rename(folders.staging, folders.dir, ec);
    if (ec) return Status::io(folders.dir.string() + ": " + ec.message());
    return Status::ok();
  }
  fs::remove_all(folders.previous, ec);  // start_staging moved it away; anything new is ours
  fs::rename(folders.dir, folders.previous, ec);
  if (ec) return Status::io(folders.dir.string() + ": cannot move it aside: " + ec.message());
  fs::rename(folders.staging, folders.dir, ec);
  if (ec) {
    std::error_code back;
    fs::rename(folders.previous, folders.dir, back);
    return Status::io(folders.dir.string() + ": " + ec.message());
  }
  return Status::ok();
}

}  // namespace jz::mirror
