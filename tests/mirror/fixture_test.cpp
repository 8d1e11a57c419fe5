// The signed fixture the CLI tests use still verifies (tests/mirror/fixture/README.md).
#include "mirror/bundle.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorFixture : public MirrorTest {};

TEST_F(MirrorFixture, SignedFixtureVerifies) {
  const fs::path fixture = JZ_MIRROR_FIXTURE;
  for (const char* path : {"site", "site.zip"}) {
    auto r = verify(fixture / path, with_key("zzod-ezrx-kjon-tyre-abpz-63fo-u45u-tjzk"));
    EXPECT_TRUE(r.ok()) << path << ": " << r.problems() << " problem(s)";
    EXPECT_EQ(r.files_checked, 5u) << path;
  }
}

TEST_F(MirrorFixture, BundleIsWhatWriteBundleMakesToday) {
  const fs::path fixture = JZ_MIRROR_FIXTURE;
  fs::path b = tmp("again.zip");
  Status s = write_bundle(fixture / "site", b, "2024-06-04T08:00:00Z");
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_TRUE(read(b) == read(fixture / "site.zip"))
      << "the bundle's bytes changed (libarchive or zlib version?)";
}

}  // namespace
}  // namespace jz::mirror::testing
