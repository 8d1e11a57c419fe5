#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/clock.hpp"
#include "mirror/bundle.hpp"
#include "mirror/zip_dos_time.hpp"

namespace jz::mirror {

namespace fs = std::filesystem;

namespace {

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryDeleter {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

// Every regular file under `dir`, sorted byte-wise; fails on anything else.
Result<std::vector<std::string>> list_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::not_found(dir.string() + ": no such directory");
  std::vector<std::string> files;
  const std::size_t prefix = dir.native().size() + (dir.native().ends_with('/') ? 0 : 1);
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto type = it->symlink_status(ec).type();
    if (ec) break;
    if (type == fs::file_type::directory) continue;
    std::string rel = it->path().native().substr(prefix);
    if (type != fs::file_type::regular)
      return Status::invalid(it->path().string() +
                             ": not a regular file; a bundle holds only files");
    if (auto why = bad_mirror_path(rel)) return Status::invalid(it->path().string() + ": " + *why);
    files.push_back(std::move(rel));
  }
  if (ec) return Status::io(dir.string() + ": cannot list it: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

Status add_file(archive* a, const fs::path& file, const std::string& name, long long mtime,
                std::vector<char>& buffer) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return Status::io(file.string() + ": cannot read it: " + std::strerror(errno));
  std::unique_ptr<archive_entry, EntryDeleter> e(archive_entry_new());
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  archive_entry_set_pathname_utf8(e.get(), name.c_str());
  archive_entry_set_filetype(e.get(), AE_IFREG);
  archive_entry_set_perm(e.get(), 0644);
  archive_entry_set_size(e.get(), static_cast<la_int64_t>(size));
  archive_entry_set_mtime(e.get(), static_cast<time_t>(mtime), 0);
  Status s;
  if (ec || archive_write_header(a, e.get()) != ARCHIVE_OK) {
    s = Status::io(file.string() + ": cannot add it to the bundle: " +
                   (ec ? ec.message() : std::string(archive_error_string(a))));
  }
  std::uint64_t written = 0;
  while (s.is_ok()) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) s = Status::io(file.string() + ": read error: " + std::strerror(errno));
    if (n <= 0) break;
    if (archive_write_data(a, buffer.data(), static_cast<std::size_t>(n)) != n)
      s = Status::io(file.string() + ": cannot add it to the bundle: " + archive_error_string(a));
    written += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  if (s.is_ok() && written != size)
    s = Status::io(file.string() + ": changed while the bundle was written; run it again");
  return s;
}

}  // namespace

Status write_bundle(const fs::path& dir, const fs::path& bundle_path, std::string_view created) {
  const auto mtime = utc_seconds(created);
  if (!mtime)
    return Status::invalid("the bundle's time \"" + std::string(created) +
                           "\" is not YYYY-MM-DDTHH:MM:SSZ");
  auto files = list_files(dir);
  if (!files) return files.status();

  std::string tmp = bundle_path.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());  // read and write: the DOS times are set afterwards
  if (fd < 0)
    return Status::io(bundle_path.string() +
                      ": cannot create a file beside it: " + std::strerror(errno));
  ::fchmod(fd, 0644);
  std::unique_ptr<archive, ArchiveDeleter> a(archive_write_new());
  archive_write_set_format_zip(a.get());
  archive_write_zip_set_compression_deflate(a.get());
  archive_write_set_bytes_in_last_block(a.get(), 1);  // no padding after the ZIP's end
  Status s;
  if (archive_write_open_fd(a.get(), fd) != ARCHIVE_OK)
    s = Status::io(tmp + ": " + archive_error_string(a.get()));
  std::vector<char> buffer(1 << 18);
  for (const auto& name : *files) {
    if (!s.is_ok()) break;
    s = add_file(a.get(), dir / name, name, *mtime, buffer);
  }
  if (s.is_ok() && archive_write_close(a.get()) != ARCHIVE_OK)
    s = Status::io(tmp + ": " + archive_error_string(a.get()));
  a.reset();
  if (s.is_ok()) s = set_zip_dos_times(fd, *mtime);
  if (s.is_ok() && ::fsync(fd) != 0) s = Status::io(tmp + ": " + std::strerror(errno));
  ::close(fd);
  if (s.is_ok() && ::rename(tmp.c_str(), bundle_path.c_str()) != 0)
    s = Status::io(bundle_path.string() + ": cannot write it: " + std::strerror(errno));
  if (!s.is_ok()) ::unlink(tmp.c_str());
  return s;
}

}  // namespace jz::mirror
