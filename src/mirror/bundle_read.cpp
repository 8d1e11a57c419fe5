#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

#include "mirror/bundle.hpp"
#include "mirror/keyring.hpp"

namespace jz::mirror {

namespace {

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};

// The files a verifier keeps whole: the signature's own and the keyring. Anything larger is
// no manifest of ours (a million pages make about 130 MB).
constexpr std::size_t kMaxKept = std::size_t{1} << 30;

}  // namespace

Result<BundleContents> read_bundle(const std::filesystem::path& bundle_path) {
  std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  if (archive_read_open_filename(a.get(), bundle_path.c_str(), 1 << 18) != ARCHIVE_OK)
    return Status::io(bundle_path.string() + ": cannot read it as a bundle (a ZIP file): " +
                      archive_error_string(a.get()));
  BundleContents out;
  std::vector<char> buffer(1 << 18);
  archive_entry* e = nullptr;
  int r = ARCHIVE_OK;
  while ((r = archive_read_next_header(a.get(), &e)) == ARCHIVE_OK) {
    const char* utf8 = archive_entry_pathname_utf8(e);
    std::string path = utf8 ? utf8 : (archive_entry_pathname(e) ? archive_entry_pathname(e) : "");
    const auto type = archive_entry_filetype(e);
    if (type == AE_IFDIR) continue;
    if (type != AE_IFREG || bad_mirror_path(path)) {
      out.others.push_back(std::move(path));
      continue;
    }
    std::optional<std::string>* keep = nullptr;
    if (path == kManifestFile) keep = &out.manifest;
    if (path == kSignatureFile) keep = &out.signature;
    if (path == kKeyringFile) keep = &out.keys;
    if (keep && keep->has_value()) {
      out.duplicates.push_back(path);
      continue;
    }
    std::string kept;
    Blake2b h;
    std::uint64_t size = 0;
    for (;;) {
      la_ssize_t n = archive_read_data(a.get(), buffer.data(), buffer.size());
      if (n < 0)
        return Status::corrupt(bundle_path.string() + ": " + path + ": " +
                               archive_error_string(a.get()) + "; the bundle is damaged");
      if (n == 0) break;
      std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
      h.update(chunk);
      size += static_cast<std::uint64_t>(n);
      if (keep && kept.size() < kMaxKept) kept.append(chunk);
    }
    if (keep) {
      *keep = std::move(kept);
      if (path != kKeyringFile) continue;
    }
    out.files.push_back(MirrorFile{.path = std::move(path), .size = size, .blake2b = h.finish()});
  }
  if (r != ARCHIVE_EOF)
    return Status::corrupt(bundle_path.string() + ": " + archive_error_string(a.get()) +
                           "; the bundle is damaged or not a ZIP file");
  std::stable_sort(out.files.begin(), out.files.end(),
                   [](const MirrorFile& a, const MirrorFile& b) { return a.path < b.path; });
  for (std::size_t i = 1; i < out.files.size(); ++i)
    if (out.files[i].path == out.files[i - 1].path) out.duplicates.push_back(out.files[i].path);
  std::sort(out.duplicates.begin(), out.duplicates.end());
  out.duplicates.erase(std::unique(out.duplicates.begin(), out.duplicates.end()),
                       out.duplicates.end());
  // A path twice is reported once, as a duplicate: which copy an unzip keeps is its choice.
  std::erase_if(out.files, [&](const MirrorFile& f) {
    return std::binary_search(out.duplicates.begin(), out.duplicates.end(), f.path);
  });
  return out;
}

}  // namespace jz::mirror
