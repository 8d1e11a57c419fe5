#include "mirror/tree.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>

namespace jz::mirror {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBlock = 1 << 18;

Status hash_fd(int fd, const fs::path& file, MirrorFile& out, char* buffer) {
  Blake2b h;
  std::uint64_t size = 0;
  for (;;) {
    ssize_t n = ::read(fd, buffer, kBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::io(file.string() + ": read error: " + std::strerror(errno));
    if (n == 0) break;
    h.update(std::string_view(buffer, static_cast<std::size_t>(n)));
    size += static_cast<std::uint64_t>(n);
  }
  out.size = size;
  out.blake2b = h.finish();
  return Status::ok();
}

Status hash_with(const fs::path& file, MirrorFile& out, char* buffer) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return Status::io(file.string() + ": cannot read it: " + std::strerror(errno));
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  Status s = hash_fd(fd, file, out, buffer);
  ::close(fd);
  return s;
}

// Hashes `files` on a few threads: small files cost more in open/read/close than in
// hashing, and the calls of several threads overlap. An error stops every thread.
Status hash_all(const fs::path& dir, std::vector<MirrorFile>& files) {
  const std::size_t workers = std::min<std::size_t>(
      {4, std::max(1u, std::thread::hardware_concurrency()), files.size() / 64 + 1});
  std::atomic<std::size_t> next{0};
  std::vector<Status> errors(files.size() ? workers : 0);
  auto work = [&](std::size_t w) {
    auto buffer = std::make_unique<char[]>(kBlock);
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      Status s = hash_with(dir / files[i].path, files[i], buffer.get());
      if (!s.is_ok()) {
        errors[w] = std::move(s);
        next = files.size();
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
  if (!files.empty()) work(0);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (!e.is_ok()) return e;
  return Status::ok();
}

}  // namespace

Status hash_file(const fs::path& file, MirrorFile& out) {
  auto buffer = std::make_unique<char[]>(kBlock);
  return hash_with(file, out, buffer.get());
}

Result<TreeScan> scan_tree(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::not_found(dir.string() + ": no such directory");
  TreeScan scan;
  const std::size_t prefix = dir.native().size() + (dir.native().ends_with('/') ? 0 : 1);
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto type = it->symlink_status(ec).type();
    if (ec) break;
    std::string rel = it->path().native().substr(prefix);
    if (type == fs::file_type::directory) continue;
    if (type != fs::file_type::regular) {
      scan.others.push_back(std::move(rel));
    } else if (!is_signature_file(rel)) {
      scan.files.push_back(MirrorFile{.path = std::move(rel), .size = 0, .blake2b = {}});
    }
  }
  if (ec) return Status::io(dir.string() + ": cannot list it: " + ec.message());
  std::sort(scan.files.begin(), scan.files.end(),
            [](const MirrorFile& a, const MirrorFile& b) { return a.path < b.path; });
  std::sort(scan.others.begin(), scan.others.end());
  JZ_RETURN_IF_ERROR(hash_all(dir, scan.files));
  return scan;
}

Result<Manifest> hash_tree(const fs::path& dir) {
  auto scan = scan_tree(dir);
  if (!scan) return scan.status();
  if (!scan->others.empty())
    return Status::invalid((dir / scan->others.front()).string() +
                           ": not a regular file (a symlink or device); a mirror holds only "
                           "files, so a reader's copy is the same everywhere. Replace it with "
                           "the file itself");
  return manifest_from_entries(std::move(scan->files));
}

}  // namespace jz::mirror
