#pragma once
// Files attached to source records (a court verdict, a scanned letter): kept on disk
// outside anything the web server serves, named by their BLAKE2b-256 hash, so the same file
// is stored once and a record's `file_hash` says exactly which bytes it cites. Nothing
// here uses the name a browser sent: a path never comes from outside.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::store {

class FileStore {
 public:
  FileStore(std::filesystem::path dir, std::size_t max_bytes)
      : dir_(std::move(dir)), max_bytes_(max_bytes) {}

  // Stores the bytes (written to a temporary file, then renamed: never half a file) and
  // returns their `file_hash`: "blake2b-256:" and 64 hex digits. A file over the limit is
  // refused with its size and the limit.
  Result<std::string> put(std::string_view bytes) const;
  // The bytes of a stored file; not_found when there is none with this hash.
  Result<std::string> get(std::string_view file_hash) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  Result<std::filesystem::path> path_of(std::string_view file_hash) const;
  std::filesystem::path dir_;
  std::size_t max_bytes_;
};

}  // namespace jz::store
