#include "mirror/mirror_folders.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "mirror/file_io.hpp"

namespace jz::mirror {

namespace fs = std::filesystem;

MirrorFolders mirror_folders(const fs::path& dir) {
  return {dir, dir.string() + ".partial", dir.string() + ".previous"};
}

namespace {

// Makes `staging` hold only what `files` lists and the folders they are in (and the
// signature's files, which signing replaces): any other file or folder is removed, and what is
// listed but missing or not a plain file is left out of `files`, so the export writes it.
Status keep_only_listed(const fs::path& staging, std::vector<MirrorFile>& files) {
  std::unordered_map<std::string_view, std::size_t> listed;  // path -> its index in files
  std::unordered_set<std::string_view> listed_folders;
  listed.reserve(files.size());
  std::string_view folder_before;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string_view p = files[i].path;
    listed.emplace(p, i);
    // The manifest is sorted, so the files of a folder mostly come one after another: its
    // folders are noted once for them, not once for each.
    const std::size_t last_slash = p.rfind('/');
    if (last_slash == p.npos || p.substr(0, last_slash) == folder_before) continue;
    folder_before = p.substr(0, last_slash);
    for (auto slash = p.find('/'); slash != p.npos; slash = p.find('/', slash + 1))
      listed_folders.insert(p.substr(0, slash));
  }
  std::vector<bool> present(files.size());
  std::vector<fs::path> unlisted;
  const std::size_t prefix = (staging / "").generic_string().size();
  std::error_code ec;
  for (fs::recursive_directory_iterator it(staging, ec), end; !ec && it != end; it.increment(ec)) {
    // The path below `staging` (fs::relative would resolve both paths on disk each time).
    std::string path = it->path().generic_string().substr(prefix);
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (listed_folders.contains(path)) continue;
      it.disable_recursion_pending();
      unlisted.push_back(it->path());
      continue;
    }
    const bool signature = path == "manifest.json" || path == "manifest.sig";
    auto found = listed.find(path);
    if (it->is_regular_file(ec) && !it->is_symlink(ec) && found != listed.end())
      present[found->second] = true;
    else if (!signature)
      unlisted.push_back(it->path());
  }
  if (ec) return Status::io(staging.string() + ": " + ec.message());
  for (const auto& p : unlisted) {
    fs::remove_all(p, ec);
    if (ec) return Status::io(p.string() + ": cannot remove it: " + ec.message());
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!present[i]) continue;
    if (kept != i) files[kept] = std::move(files[i]);  // never onto itself: that empties it
    ++kept;
  }
  files.resize(kept);
  return Status::ok();
}

}  // namespace

Result<std::vector<MirrorFile>> start_staging(const MirrorFolders& folders) {
  std::error_code ec;
  fs::remove_all(folders.staging, ec);  // what a publish that stopped halfway left
  if (ec) return Status::io(folders.staging.string() + ": cannot remove it: " + ec.message());
  const fs::path manifest_path = folders.previous / "manifest.json";
  if (fs::exists(folders.previous, ec) && !fs::is_empty(folders.previous, ec) &&
      !fs::exists(manifest_path, ec))
    return Status::invalid(folders.previous.string() +
                           ": is not a mirror (no manifest.json), and publish keeps the mirror "
                           "before the current one there; move it away");
  if (fs::exists(manifest_path, ec)) {
    auto text = read_file(manifest_path);
    auto manifest = text ? parse_manifest(*text, manifest_path.string()) : text.status();
    if (manifest) {
      fs::rename(folders.previous, folders.staging, ec);
      if (ec) return Status::io(folders.previous.string() + ": cannot move it: " + ec.message());
      auto& files = manifest->files;
      files.erase(std::remove_if(files.begin(), files.end(),
                                 [](const MirrorFile& e) { return e.path == "keys.json"; }),
                  files.end());
      JZ_RETURN_IF_ERROR(keep_only_listed(folders.staging, files));
      if (!files.empty()) return std::move(files);
    }
  }
  // Nothing to build on: no mirror before, a damaged manifest, or none of its files left.
  fs::remove_all(folders.previous, ec);
  fs::remove_all(folders.staging, ec);
  if (ec) return Status::io(folders.previous.string() + ": cannot remove it: " + ec.message());
  fs::create_directories(folders.staging, ec);
  if (ec) return Status::io(folders.staging.string() + ": " + ec.message());
  return std::vector<MirrorFile>{};
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
