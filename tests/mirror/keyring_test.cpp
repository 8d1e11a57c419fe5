// Keys: generate, rotate, the chain of endorsements, the secret file's mode, fingerprints.
#include <sys/stat.h>

#include <regex>

#include "mirror/base64.hpp"
#include "mirror/fingerprint.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorKeyring : public MirrorTest {};

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

TEST_F(MirrorKeyring, GenerateWritesPublicKeyringAndPrivateSecret) {
  fs::path keys = make_keys();
  auto ring = load_keyring(keys);
  ASSERT_TRUE(ring.is_ok()) << ring.status().message();
  ASSERT_EQ(ring->keys.size(), 1u);
  const auto& k = ring->current();
  EXPECT_TRUE(std::regex_match(k.fingerprint, std::regex("([a-z2-7]{4}-){7}[a-z2-7]{4}")))
      << k.fingerprint;
  EXPECT_EQ(k.fingerprint, fingerprint(k.public_key));
  EXPECT_EQ(k.created, "2024-01-01T00:00:00Z");
  EXPECT_TRUE(k.retired.empty());
  EXPECT_TRUE(k.endorsement.empty());
  EXPECT_EQ(mode_of(secret_key_path(keys, k.fingerprint)), 0600u);
  EXPECT_EQ(mode_of(keys), 0700u);
  EXPECT_EQ(mode_of(keys / "keys.json"), 0644u);
  // The secret is not in the public keyring.
  auto secret = parse_secret_file(read(secret_key_path(keys, k.fingerprint)), "secret");
  ASSERT_TRUE(secret.is_ok());
  EXPECT_EQ(read(keys / "keys.json").find(base64_encode(*secret)), std::string::npos);
}

TEST_F(MirrorKeyring, SecretIsCreatedPrivateWhateverTheUmask) {
  const mode_t old = ::umask(0);
  fs::path keys = make_keys();
  ::umask(old);
  EXPECT_EQ(mode_of(secret_key_path(keys, fingerprint_of(keys))), 0600u);
}

TEST_F(MirrorKeyring, GenerateRefusesAnExistingKeyring) {
  fs::path keys = make_keys();
  const std::string before = read(keys / "keys.json");
  auto again = generate_keys(keys);
  ASSERT_FALSE(again.is_ok());
  EXPECT_NE(again.status().message().find("keys rotate"), std::string::npos)
      << again.status().message();
  EXPECT_EQ(read(keys / "keys.json"), before);
}

TEST_F(MirrorKeyring, PublicKeyringLoadsWithoutAnySecret) {
  fs::path keys = make_keys();
  fs::path reader = tmp("reader");
  fs::create_directories(reader);
  fs::copy_file(keys / "keys.json", reader / "keys.json");
  auto ring = load_keyring(reader);
  ASSERT_TRUE(ring.is_ok()) << ring.status().message();
  EXPECT_EQ(ring->current_fingerprint(), fingerprint_of(keys));
  auto s = load_signer(reader);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.status().message().find("secret is not here"), std::string::npos);
}

TEST_F(MirrorKeyring, RotateEndorsesTheNewKeyAndRetiresTheOld) {
  fs::path keys = make_keys();
  const std::string first = fingerprint_of(keys);
  auto r = rotate_keys(keys, fixed_clock("2024-03-01T00:00:00Z"));
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  r = rotate_keys(keys, fixed_clock("2024-05-01T00:00:00Z"));
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  auto ring = load_keyring(keys);  // checks every endorsement
  ASSERT_TRUE(ring.is_ok()) << ring.status().message();
  ASSERT_EQ(ring->keys.size(), 3u);
  EXPECT_EQ(ring->keys[0].fingerprint, first);
  EXPECT_EQ(ring->keys[0].retired, "2024-03-01T00:00:00Z");
  EXPECT_EQ(ring->keys[1].retired, "2024-05-01T00:00:00Z");
  EXPECT_TRUE(ring->keys[2].retired.empty());
  EXPECT_FALSE(ring->keys[1].endorsement.empty());
  // Only the current key's secret is kept, private.
  EXPECT_FALSE(fs::exists(secret_key_path(keys, first)));
  EXPECT_FALSE(fs::exists(secret_key_path(keys, ring->keys[1].fingerprint)));
  EXPECT_EQ(mode_of(secret_key_path(keys, ring->current_fingerprint())), 0600u);
  auto s = load_signer(keys);
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_EQ(s->fingerprint(), ring->current_fingerprint());
}

TEST_F(MirrorKeyring, BrokenChainIsRefused) {
  fs::path keys = make_keys();
  ASSERT_TRUE(rotate_keys(keys, fixed_clock("2024-03-01T00:00:00Z")).is_ok());
  fs::path other = make_keys("other");
  auto ring = *load_keyring(keys);
  auto stranger = *load_keyring(other);
  // Another key put in the place of the second: not endorsed by the first.
  Keyring forged = ring;
  forged.keys[1].public_key = stranger.keys[0].public_key;
  forged.keys[1].fingerprint = stranger.keys[0].fingerprint;
  auto r = parse_keyring(keyring_json(forged), "keys.json");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("not endorsed"), std::string::npos) << r.status().message();
  // A fingerprint that is not its key's.
  forged = ring;
  forged.keys[0].fingerprint = stranger.keys[0].fingerprint;
  EXPECT_FALSE(parse_keyring(keyring_json(forged), "keys.json").is_ok());
  // The current key marked retired.
  forged = ring;
  forged.keys[1].retired = "2024-04-01T00:00:00Z";
  EXPECT_FALSE(parse_keyring(keyring_json(forged), "keys.json").is_ok());
  // Not JSON.
  EXPECT_FALSE(parse_keyring("{\"format\":", "keys.json").is_ok());
}

TEST_F(MirrorKeyring, SecretReadableByOthersIsRefused) {
  fs::path keys = make_keys();
  fs::path secret = secret_key_path(keys, fingerprint_of(keys));
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
  auto s = load_signer(keys);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.status().message().find("chmod 600"), std::string::npos) << s.status().message();
}

TEST_F(MirrorKeyring, FingerprintsParseAsTypedOrPasted) {
  const std::string fp = "abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567";
  EXPECT_EQ(*parse_fingerprint(fp), fp);
  EXPECT_EQ(*parse_fingerprint("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), fp);
  EXPECT_EQ(*parse_fingerprint("abcd efgh ijkl mnop qrst uvwx yz23 4567"), fp);
  EXPECT_FALSE(parse_fingerprint("abcd-efgh").is_ok());
  EXPECT_FALSE(parse_fingerprint(fp + "-aaaa").is_ok());
  auto bad =
      parse_fingerprint("abcd-efgh-ijkl-mnop-qrst-uvwx-yz01-4567");  // 0 and 1 are not base32
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("about page"), std::string::npos);
  PublicKey zero{};
  EXPECT_EQ(fingerprint(zero), fingerprint(zero));
  EXPECT_EQ(fingerprint(zero).size(), 39u);
}

}  // namespace
}  // namespace jz::mirror::testing
