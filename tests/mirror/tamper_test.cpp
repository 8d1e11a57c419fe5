// verify_mirror on a directory: every way of tampering with a signed mirror is reported.
#include "mirror/tree.hpp"
#include "mirror/verify_state.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorTamper : public MirrorTest {
 protected:
  void SetUp() override {
    MirrorTest::SetUp();
    keys_ = make_keys();
    site_ = make_site();
    sign(site_, keys_);
  }
  fs::path keys_, site_;
};

TEST_F(MirrorTamper, CleanMirrorVerifiesWithKeyringOrFingerprint) {
  for (const auto& o : {with_keys(keys_), with_key(fingerprint_of(keys_))}) {
    auto r = verify(site_, o);
    EXPECT_TRUE(r.ok()) << r.problems();
    EXPECT_EQ(r.files_checked, 7u);  // six pages and keys.json
    EXPECT_EQ(r.created, kCreated);
    EXPECT_EQ(r.key, fingerprint_of(keys_));
  }
  EXPECT_TRUE(verify(site_.string() + "/", with_keys(keys_)).ok());  // as a shell completes it
}

TEST_F(MirrorTamper, ChangedByteIsAltered) {
  std::string page = read(site_ / "en/index.html");
  page[3] ^= 1;
  write(site_ / "en/index.html", page);
  auto r = verify(site_, with_keys(keys_));
  EXPECT_EQ(r.altered, std::vector<std::string>{"en/index.html"});
  EXPECT_EQ(r.problems(), 1u);
}

TEST_F(MirrorTamper, DeletedFileIsMissing) {
  fs::remove(site_ / "zh-hans/persons/p44sj9v9201.html");
  auto r = verify(site_, with_keys(keys_));
  EXPECT_EQ(r.missing, std::vector<std::string>{"zh-hans/persons/p44sj9v9201.html"});
  EXPECT_EQ(r.problems(), 1u);
}

TEST_F(MirrorTamper, AddedFileIsExtra) {
  write(site_ / "en/persons/fake.html", "<p>lies</p>");
  fs::create_symlink("/etc/passwd", site_ / "en/passwd");
  auto r = verify(site_, with_keys(keys_));
  EXPECT_EQ(r.extra,
            (std::vector<std::string>{"en/persons/fake.html", "en/passwd (not a plain file)"}));
  EXPECT_EQ(r.problems(), 2u);
}

TEST_F(MirrorTamper, FileReplacedBySymlinkIsAltered) {
  fs::remove(site_ / "index.html");
  fs::create_symlink("en/index.html", site_ / "index.html");
  auto r = verify(site_, with_keys(keys_));
  ASSERT_EQ(r.altered.size(), 1u);
  EXPECT_TRUE(r.altered[0].starts_with("index.html (not a plain file")) << r.altered[0];
}

TEST_F(MirrorTamper, EditedManifestIsABadSignature) {
  // The altered page's new hash written into the manifest: the files match, the signature not.
  write(site_ / "en/index.html", "<p>lies</p>");
  auto m = *hash_tree(site_);
  std::string text = read(site_ / "manifest.json");
  const auto old_line = text.find("{\"path\":\"en/index.html\"");
  const auto end = text.find('}', old_line);
  const auto& e = *std::find_if(m.files.begin(), m.files.end(),
                                [](const MirrorFile& f) { return f.path == "en/index.html"; });
  text.replace(old_line, end + 1 - old_line,
               "{\"path\":\"en/index.html\",\"size\":" + std::to_string(e.size) +
                   ",\"blake2b\":\"" + to_hex(e.blake2b) + "\"}");
  write(site_ / "manifest.json", text);
  auto r = verify(site_, with_keys(keys_));
  EXPECT_TRUE(r.altered.empty());
  ASSERT_EQ(r.bad_signature.size(), 1u);
  EXPECT_NE(r.bad_signature[0].find("does not verify"), std::string::npos);
}

TEST_F(MirrorTamper, CorruptOrMissingSignatureIsBad) {
  std::string sig = read(site_ / "manifest.sig");
  sig[5] = sig[5] == 'A' ? 'B' : 'A';
  write(site_ / "manifest.sig", sig);
  EXPECT_EQ(verify(site_, with_keys(keys_)).bad_signature.size(), 1u);
  write(site_ / "manifest.sig", "not base64!\n");
  EXPECT_EQ(verify(site_, with_keys(keys_)).bad_signature.size(), 1u);
  fs::remove(site_ / "manifest.sig");
  auto r = verify(site_, with_key(fingerprint_of(keys_)));
  ASSERT_EQ(r.bad_signature.size(), 1u);
  EXPECT_NE(r.bad_signature[0].find("no manifest.sig"), std::string::npos);
}

TEST_F(MirrorTamper, SignedWithAnotherKeyIsUnknown) {
  fs::path other = make_keys("other");
  sign(site_, other);  // a whole mirror re-signed by someone else, with their keys.json
  auto r = verify(site_, with_keys(keys_));
  ASSERT_EQ(r.unknown_key.size(), 1u);
  EXPECT_NE(r.unknown_key[0].find(fingerprint_of(other)), std::string::npos);
  r = verify(site_, with_key(fingerprint_of(keys_)));
  ASSERT_EQ(r.unknown_key.size(), 1u);
  EXPECT_NE(r.unknown_key[0].find("never endorsed"), std::string::npos) << r.unknown_key[0];
  // Signed by another key but naming ours: the signature does not verify.
  std::string text = read(site_ / "manifest.json");
  text.replace(text.find(fingerprint_of(other)), 39, fingerprint_of(keys_));
  write(site_ / "manifest.json", text);
  r = verify(site_, with_keys(keys_));
  EXPECT_TRUE(r.unknown_key.empty());
  EXPECT_EQ(r.bad_signature.size(), 1u);
}

TEST_F(MirrorTamper, ReplayedOlderManifestIsStale) {
  fs::path old_copy = tmp("old");
  fs::copy(site_, old_copy, fs::copy_options::recursive);  // signed at kCreated
  write(site_ / "en/index.html", "<p>news</p>");
  sign(site_, keys_, "2024-07-01T00:00:00Z");
  VerifyOptions o = with_key(fingerprint_of(keys_));
  o.state_file = tmp("state.json");
  auto r = verify(site_, o);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.state_updated);
  EXPECT_EQ(load_verify_state(o.state_file)->at(fingerprint_of(keys_)), "2024-07-01T00:00:00Z");
  // The old mirror is signed correctly and complete, but older than what was seen.
  r = verify(old_copy, o);
  ASSERT_EQ(r.stale.size(), 1u);
  EXPECT_NE(r.stale[0].find("older than 2024-07-01T00:00:00Z"), std::string::npos) << r.stale[0];
  EXPECT_EQ(r.problems(), 1u);
  EXPECT_FALSE(r.state_updated);
  // Without a state file, --not-before does the same.
  VerifyOptions nb = with_keys(keys_);
  nb.not_before = "2024-06-30T00:00:00Z";
  r = verify(old_copy, nb);
  ASSERT_EQ(r.stale.size(), 1u);
  EXPECT_NE(r.stale[0].find("--not-before"), std::string::npos);
  EXPECT_TRUE(verify(site_, nb).ok());
}

TEST_F(MirrorTamper, StateChangesOnlyAfterACleanVerification) {
  VerifyOptions o = with_keys(keys_);
  o.state_file = tmp("state.json");
  write(site_ / "extra.html", "x");
  EXPECT_FALSE(verify(site_, o).ok());
  EXPECT_FALSE(fs::exists(o.state_file));
  fs::remove(site_ / "extra.html");
  EXPECT_TRUE(verify(site_, o).state_updated);
  write(o.state_file, "garbage");
  auto r = verify_mirror(site_, o);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("state file"), std::string::npos);
}

TEST_F(MirrorTamper, RotatedKeysFollowTheEndorsementChain) {
  const std::string first = fingerprint_of(keys_);
  fs::path before_rotation = tmp("keys-before");
  fs::copy(keys_, before_rotation, fs::copy_options::recursive);
  ASSERT_TRUE(rotate_keys(keys_, fixed_clock("2024-06-10T00:00:00Z")).is_ok());
  const std::string second = fingerprint_of(keys_);
  fs::path old_site = tmp("old");
  fs::copy(site_, old_site, fs::copy_options::recursive);  // signed by the first key
  sign(site_, keys_, "2024-06-20T00:00:00Z");

  // A reader who copied the first key's fingerprint trusts the second through its endorsement.
  EXPECT_TRUE(verify(site_, with_key(first)).ok());
  EXPECT_TRUE(verify(site_, with_key(second)).ok());
  EXPECT_TRUE(verify(old_site, with_key(first)).ok());
  EXPECT_TRUE(verify(site_, with_keys(keys_)).ok());
  EXPECT_TRUE(verify(old_site, with_keys(keys_)).ok());  // signed before the rotation
  // The newer key does not vouch for the older one.
  auto r = verify(old_site, with_key(second));
  ASSERT_EQ(r.unknown_key.size(), 1u);
  EXPECT_NE(r.unknown_key[0].find("older than yours"), std::string::npos) << r.unknown_key[0];
  // The retired key (kept by someone) signing newer data is refused.
  fs::path late = make_site("late");
  sign(late, before_rotation, "2024-07-01T00:00:00Z");
  r = verify(late, with_keys(keys_));
  ASSERT_EQ(r.unknown_key.size(), 1u);
  EXPECT_NE(r.unknown_key[0].find("retired"), std::string::npos);
}

TEST_F(MirrorTamper, ForgedKeyringInTheMirrorIsUnknown) {
  // Someone appends their key to the mirror's keys.json without the site's endorsement.
  fs::path other = make_keys("other");
  auto ring = *load_keyring(keys_);
  auto theirs = *load_keyring(other);
  ring.keys[0].retired = "2024-02-01T00:00:00Z";
  ring.keys.push_back(theirs.keys[0]);
  ring.keys[1].endorsement = std::string(64, 'x');
  write(site_ / "keys.json", keyring_json(ring));
  sign(site_, other);
  write(site_ / "keys.json", keyring_json(ring));
  auto r = verify(site_, with_key(fingerprint_of(keys_)));
  ASSERT_FALSE(r.unknown_key.empty());
  EXPECT_NE(r.unknown_key[0].find("not endorsed"), std::string::npos) << r.unknown_key[0];
}

TEST_F(MirrorTamper, NothingToCheckIsAnError) {
  auto r = verify_mirror(site_, VerifyOptions{});
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("--key FINGERPRINT"), std::string::npos);
  r = verify_mirror(tmp("nowhere"), with_keys(keys_));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("no such directory or bundle"), std::string::npos);
  fs::remove(site_ / "manifest.json");
  r = verify_mirror(site_, with_keys(keys_));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("no manifest.json"), std::string::npos);
  write(site_ / "manifest.json", "{\"format\":\"jianzheng-mirror/1\"");
  r = verify_mirror(site_, with_keys(keys_));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("manifest.json"), std::string::npos);
  VerifyOptions bad_time = with_keys(keys_);
  bad_time.not_before = "2024";
  EXPECT_FALSE(verify_mirror(site_, bad_time).is_ok());
}

}  // namespace
}  // namespace jz::mirror::testing
