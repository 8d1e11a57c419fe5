// Bundles: deterministic bytes, verified without unpacking, unpacked by unzip and bsdtar to
// the same tree, tampering found.
#include <sys/stat.h>

#include <cstdlib>
#include <ctime>

#include "mirror/bundle.hpp"
#include "mirror/tree.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorBundle : public MirrorTest {
 protected:
  void SetUp() override {
    MirrorTest::SetUp();
    keys_ = make_keys();
    site_ = make_site();
    sign(site_, keys_);
  }
  fs::path bundle(const fs::path& dir, const std::string& name) {
    fs::path b = tmp(name);
    Status s = write_bundle(dir, b, kCreated);
    EXPECT_TRUE(s.is_ok()) << s.message();
    return b;
  }
  static int run(const std::string& command) { return std::system(command.c_str()); }
  fs::path keys_, site_;
};

TEST_F(MirrorBundle, SameMirrorGivesTheSameBytesAnywhere) {
  const std::string a = read(bundle(site_, "a.zip"));
  // Another copy of the files, written later, in another time zone.
  fs::path copy = tmp("copy");
  fs::copy(site_, copy, fs::copy_options::recursive);
  const char* tz = std::getenv("TZ");
  const std::string saved = tz ? tz : "";
  // libarchive takes DOS times from localtime_r, which reads TZ again only after tzset().
  ::setenv("TZ", "CST-8", 1);  // China, as a POSIX rule: needs no tzdata
  ::tzset();
  const std::string b = read(bundle(copy, "b.zip"));
  if (tz)
    ::setenv("TZ", saved.c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
  EXPECT_GT(a.size(), 100u);
  EXPECT_TRUE(a == b) << "bundles differ";
  EXPECT_EQ(a.substr(0, 2), "PK");
  // No owner names inside.
  EXPECT_EQ(a.find("root"), std::string::npos);
}

TEST_F(MirrorBundle, CleanBundleVerifiesWithoutUnpacking) {
  fs::path b = bundle(site_, "site.zip");
  auto r = verify(b, with_key(fingerprint_of(keys_)));
  EXPECT_TRUE(r.ok()) << r.problems();
  EXPECT_EQ(r.files_checked, 7u);
  EXPECT_EQ(r.created, kCreated);
}

TEST_F(MirrorBundle, UnpackedByUnzipOrBsdtarItIsTheSameTree) {
  fs::path b = bundle(site_, "site.zip");
  auto want = scan_tree(site_);
  ASSERT_TRUE(want.is_ok());
  for (const std::string& tool : {std::string("unzip -q"), std::string("bsdtar -xf")}) {
    fs::path out = tmp(tool.substr(0, tool.find(' ')));
    fs::create_directories(out);
    ASSERT_EQ(run("cd '" + out.string() + "' && " + tool + " '" + b.string() + "'"), 0)
        << tool << " (Debian packages unzip, libarchive-tools)";
    auto got = scan_tree(out);
    ASSERT_TRUE(got.is_ok());
    ASSERT_EQ(got->files.size(), want->files.size()) << tool;
    for (std::size_t i = 0; i < got->files.size(); ++i) {
      EXPECT_EQ(got->files[i].path, want->files[i].path) << tool;
      EXPECT_EQ(got->files[i].blake2b, want->files[i].blake2b) << tool;
    }
    for (const char* f : {"manifest.json", "manifest.sig"})
      EXPECT_EQ(read(out / f), read(site_ / f)) << tool;
    // Every file carries the mirror's time, not the time it was written.
    const auto when = fs::last_write_time(out / "en/index.html");
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(when).time_since_epoch());
    EXPECT_EQ(secs.count(), *utc_seconds(kCreated)) << tool;
    EXPECT_TRUE(verify(out, with_keys(keys_)).ok()) << tool;
  }
}

TEST_F(MirrorBundle, TamperedBundleIsReported) {
  // A bundle made from a mirror changed after signing: one page altered, one removed, one added.
  write(site_ / "en/index.html", "<p>lies</p>");
  fs::remove(site_ / "static/site.css");
  write(site_ / "en/extra.html", "x");
  auto r = verify(bundle(site_, "t.zip"), with_keys(keys_));
  EXPECT_EQ(r.altered, std::vector<std::string>{"en/index.html"});
  EXPECT_EQ(r.missing, std::vector<std::string>{"static/site.css"});
  EXPECT_EQ(r.extra, std::vector<std::string>{"en/extra.html"});
  EXPECT_TRUE(r.bad_signature.empty());
}

TEST_F(MirrorBundle, ReplayedOldBundleIsStaleAndOtherKeyUnknown) {
  fs::path old_bundle = bundle(site_, "old.zip");
  sign(site_, keys_, "2024-08-01T00:00:00Z");
  VerifyOptions o = with_keys(keys_);
  o.state_file = tmp("state.json");
  fs::path current = tmp("new.zip");
  ASSERT_TRUE(write_bundle(site_, current, "2024-08-01T00:00:00Z").is_ok());
  EXPECT_TRUE(verify(current, o).ok());
  EXPECT_EQ(verify(old_bundle, o).stale.size(), 1u);
  fs::path other = make_keys("other");
  sign(site_, other);
  EXPECT_EQ(verify(bundle(site_, "other.zip"), o).unknown_key.size(), 1u);
}

TEST_F(MirrorBundle, DamagedOrForeignFilesAreErrors) {
  fs::path b = bundle(site_, "site.zip");
  std::string bytes = read(b);
  // A flipped byte in the compressed data of en/index.html: its CRC or inflate fails.
  const auto header = bytes.rfind("PK\3\4", bytes.find("en/index.html"));
  ASSERT_NE(header, std::string::npos);
  auto le16 = [&](std::size_t at) {
    return static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8;
  };
  bytes[header + 30 + le16(header + 26) + le16(header + 28)] ^= 0x55;
  write(tmp("bad.zip"), bytes);
  auto r = verify_mirror(tmp("bad.zip"), with_keys(keys_));
  EXPECT_TRUE(!r.is_ok() || !r->ok());
  write(tmp("text.zip"), "this is not a zip file at all");
  r = verify_mirror(tmp("text.zip"), with_keys(keys_));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("text.zip"), std::string::npos) << r.status().message();
  // A bundle of files without a manifest.
  fs::path plain = make_site("plain");
  r = verify_mirror(bundle(plain, "plain.zip"), with_keys(keys_));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("no manifest.json"), std::string::npos);
}

TEST_F(MirrorBundle, RefusesSymlinksAndKeepsNoHalfWrittenFile) {
  fs::create_symlink("/etc/passwd", site_ / "passwd");
  fs::path b = tmp("s.zip");
  Status s = write_bundle(site_, b, kCreated);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("not a regular file"), std::string::npos);
  EXPECT_FALSE(fs::exists(b));
  for (const auto& e : fs::directory_iterator(tmp_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace jz::mirror::testing
