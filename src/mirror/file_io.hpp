#pragma once
// Whole-file reads and writes for the small files of a mirror and a keyring. Every write
// goes to a temporary file in the same directory and is renamed over the target, so a
// reader (or a crash) sees the old file or the new one, never half of one.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::mirror {

Result<std::string> read_file(const std::filesystem::path& path);
// Replaces `path` atomically with `bytes`, readable by everyone (mode 0644): the files of a
// mirror are served by a web server running as another user.
Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes);
// Creates `path` with mode 0600 (O_EXCL: never over an existing file, never through a
// symlink), so a secret is not readable by anyone else for even a moment.
Status create_secret_file(const std::filesystem::path& path, std::string_view bytes);
// Flushes to disk every file written on the file system that holds `dir` (syncfs): one call
// for a mirror's millions of files, made before the manifest that lists them is signed.
Status sync_file_system(const std::filesystem::path& dir);

}  // namespace jz::mirror
