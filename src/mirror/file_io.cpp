#include "mirror/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace jz::mirror {

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Writes all of `bytes` to `fd` and flushes it to disk.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::fsync(fd) == 0;
}

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io(path.string() + ": cannot read it: " + errno_text());
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Status::io(path.string() + ": read error: " + errno_text());
  return std::move(s).str();
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::string tmp = path.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0)
    return Status::io(path.string() + ": cannot create a file beside it: " + errno_text());
  bool ok = ::fchmod(fd, 0644) == 0 && write_all(fd, bytes);
  std::string why = errno_text();
  ok = (::close(fd) == 0) && ok;
  if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return Status::ok();
  if (ok) why = errno_text();
  ::unlink(tmp.c_str());
  return Status::io(path.string() + ": cannot write it: " + why);
}

Status sync_file_system(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::io(dir.string() + ": cannot open it: " + errno_text());
  const bool ok = ::syncfs(fd) == 0;
  const std::string why = errno_text();
  ::close(fd);
  if (!ok) return Status::io(dir.string() + ": cannot flush its files to disk: " + why);
  return Status::ok();
}

Status create_secret_file(const std::filesystem::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return Status::io(path.string() + ": cannot create it: " + errno_text() +
                      (errno == EEXIST ? " (a secret key is never overwritten)" : ""));
  // The umask can only remove bits from 0600; fchmod makes the mode exact all the same.
  bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, bytes);
  std::string why = errno_text();
  ok = (::close(fd) == 0) && ok;
  if (ok) return Status::ok();
  ::unlink(path.c_str());
  return Status::io(path.string() + ": cannot write it: " + why);
}

}  // namespace jz::mirror
