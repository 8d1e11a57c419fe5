#include "store/file_store.hpp"

#include <fstream>
#include <sstream>

#include "core/blake2b.hpp"
#include "core/random_token.hpp"

namespace jz::store {

namespace fs = std::filesystem;

static constexpr std::string_view kPrefix = "blake2b-256:";

Result<fs::path> FileStore::path_of(std::string_view file_hash) const {
  std::string_view hex = file_hash.substr(file_hash.starts_with(kPrefix) ? kPrefix.size() : 0);
  if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return Status::invalid("\"" + std::string(file_hash) +
                           "\" is not a file hash (blake2b-256: and 64 hex digits)");
  return dir_ / hex.substr(0, 2) / hex;
}

Result<std::string> FileStore::put(std::string_view bytes) const {
  if (bytes.size() > max_bytes_) {
    auto mb = [](std::size_t n) { return std::to_string((n + (1 << 20) - 1) >> 20) + " MB"; };
    return Status::invalid("the file is " + mb(bytes.size()) + "; at most " + mb(max_bytes_) +
                           " may be attached");
  }
  std::string hash = std::string(kPrefix) + to_hex(blake2b(bytes));
  auto path = path_of(hash);
  if (!path) return path.status();
  std::error_code ec;
  if (fs::exists(*path, ec)) return hash;  // the same bytes are there already
  fs::create_directories(path->parent_path(), ec);
  if (ec) return Status::io(path->parent_path().string() + ": " + ec.message());
  fs::path temporary = path->parent_path() / (".incoming-" + random_token());
  {
    std::ofstream out(temporary, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      fs::remove(temporary, ec);
      return Status::io(temporary.string() + ": cannot write (disk full?)");
    }
  }
  fs::rename(temporary, *path, ec);
  if (ec) {
    Status failed = Status::io(path->string() + ": " + ec.message());
    fs::remove(temporary, ec);
    return failed;
  }
  return hash;
}

Result<std::string> FileStore::get(std::string_view file_hash) const {
  auto path = path_of(file_hash);
  if (!path) return path.status();
  std::ifstream in(*path, std::ios::binary);
  if (!in) return Status::not_found("no file " + std::string(file_hash) + " in " + dir_.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace jz::store
