#pragma once
// Hashing the files of a mirror directory: each file read in large sequential blocks, a few
// threads at a time (millions of small pages cost more in system calls than in hashing).
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "mirror/manifest.hpp"

namespace jz::mirror {

struct TreeScan {
  std::vector<MirrorFile> files;    // regular files, sorted by path; not manifest.json/.sig
  std::vector<std::string> others;  // symlinks, devices, sockets ...: relative paths
};

// Every regular file under `dir` with its size and hash; what is neither a file nor a
// directory goes to `others`. Fails only when `dir` cannot be read.
Result<TreeScan> scan_tree(const std::filesystem::path& dir);
// The manifest of `dir` (without a time or key). Refuses a symlink or any other
// non-regular file, and a path a mirror cannot hold.
Result<Manifest> hash_tree(const std::filesystem::path& dir);
// Size and BLAKE2b-256 of one file.
Status hash_file(const std::filesystem::path& file, MirrorFile& out);

}  // namespace jz::mirror
