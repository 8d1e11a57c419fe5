// The folders beside a published mirror: the next one made from the mirror before DIR, and
// swapped into DIR's place.
#include "mirror/mirror_folders.hpp"
#include "mirror/file_io.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorFolders : public MirrorTest {};

TEST_F(MirrorFolders, TheMirrorBeforeBecomesTheNextWithTheFilesItsManifestLists) {
  const auto folders = mirror_folders(tmp("m"));
  EXPECT_EQ(folders.staging, tmp("m.partial"));
  EXPECT_EQ(folders.previous, tmp("m.previous"));
  fs::path previous = make_site("m.previous");
  sign(previous, make_keys());
  write(folders.staging / "left.html", "what a publish that stopped halfway left");
  write(previous / "en/by-hand.html", "not listed");
  write(previous / "en/persons/p1.html.jz-new", "not listed either");
  write(previous / "by-hand/a/b.html", "a folder not listed");
  fs::remove(previous / "static/site.css");
  fs::create_directories(previous / "static/site.css/x");  // a folder where a file is listed
  fs::remove(previous / "empty.txt");                      // listed, but gone

  auto held = start_staging(folders);
  ASSERT_TRUE(held) << held.status().message();
  EXPECT_FALSE(fs::exists(folders.previous));
  EXPECT_FALSE(fs::exists(folders.staging / "left.html"));
  EXPECT_EQ(read(folders.staging / "en/persons/p44sj9v9201.html"), "<p>Liu Xiaobo</p>\n");
  EXPECT_FALSE(fs::exists(folders.staging / "en/by-hand.html"));
  EXPECT_FALSE(fs::exists(folders.staging / "en/persons/p1.html.jz-new"));
  EXPECT_FALSE(fs::exists(folders.staging / "by-hand"));
  EXPECT_FALSE(fs::exists(folders.staging / "static/site.css"));
  EXPECT_TRUE(fs::exists(folders.staging / "manifest.sig"));  // replaced when signed
  std::vector<std::string> paths;
  for (const auto& e : *held) paths.push_back(e.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"en/index.html", "en/persons/p44sj9v9201.html",
                                             "index.html", "zh-hans/persons/p44sj9v9201.html"}));
  EXPECT_EQ((*held)[0].blake2b, blake2b("<!doctype html><title>Jianzheng</title>\n"));
}

TEST_F(MirrorFolders, EveryListedFileThereGivesEveryEntryBackWhole) {
  const auto folders = mirror_folders(tmp("m"));
  fs::path previous = make_site("m.previous");
  sign(previous, make_keys());
  auto listed = parse_manifest(read(previous / "manifest.json"), "manifest.json");
  ASSERT_TRUE(listed) << listed.status().message();
  std::erase_if(listed->files, [](const MirrorFile& e) { return e.path == "keys.json"; });
  ASSERT_GT(listed->files.size(), 3u);

  auto held = start_staging(folders);
  ASSERT_TRUE(held) << held.status().message();
  ASSERT_EQ(held->size(), listed->files.size());
  for (std::size_t i = 0; i < held->size(); ++i) {
    EXPECT_EQ((*held)[i].path, listed->files[i].path);
    EXPECT_EQ((*held)[i].size, listed->files[i].size);
    EXPECT_EQ((*held)[i].blake2b, listed->files[i].blake2b);
  }
}

TEST_F(MirrorFolders, NothingToBuildOnGivesAnEmptyFolder) {
  const auto folders = mirror_folders(tmp("m"));
  auto none = start_staging(folders);
  ASSERT_TRUE(none) << none.status().message();
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(fs::is_directory(folders.staging) && fs::is_empty(folders.staging));

  fs::path gone = make_site("m.previous");
  sign(gone, make_keys());
  for (const char* f : {"index.html", "en/index.html", "en/persons/p44sj9v9201.html",
                        "zh-hans/persons/p44sj9v9201.html", "static/site.css", "empty.txt"})
    fs::remove(gone / f);
  auto emptied = start_staging(folders);
  ASSERT_TRUE(emptied) << emptied.status().message();
  EXPECT_TRUE(emptied->empty());
  EXPECT_TRUE(fs::is_directory(folders.staging) && fs::is_empty(folders.staging));

  make_site("m.previous");
  write(folders.previous / "manifest.json", "damaged");
  auto damaged = start_staging(folders);
  ASSERT_TRUE(damaged) << damaged.status().message();
  EXPECT_TRUE(damaged->empty());
  EXPECT_FALSE(fs::exists(folders.previous));
  EXPECT_TRUE(fs::is_directory(folders.staging) && fs::is_empty(folders.staging));
}

TEST_F(MirrorFolders, AFolderThatIsNotAMirrorIsLeftAsItWas) {
  const auto folders = mirror_folders(tmp("m"));
  write(folders.previous / "notes.txt", "mine");
  auto refused = start_staging(folders);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.status().message().find("m.previous: is not a mirror"), std::string::npos)
      << refused.status().message();
  EXPECT_EQ(read(folders.previous / "notes.txt"), "mine");
  EXPECT_FALSE(fs::exists(folders.staging));
}

TEST_F(MirrorFolders, TheNewMirrorTakesDirsPlaceAndTheOldOneIsKept) {
  const auto folders = mirror_folders(tmp("m"));
  write(folders.staging / "index.html", "first");
  ASSERT_TRUE(swap_in(folders).is_ok());
  EXPECT_EQ(read(folders.dir / "index.html"), "first");
  EXPECT_FALSE(fs::exists(folders.staging));
  EXPECT_FALSE(fs::exists(folders.previous));

  write(folders.staging / "index.html", "second");
  ASSERT_TRUE(swap_in(folders).is_ok());
  EXPECT_EQ(read(folders.dir / "index.html"), "second");
  EXPECT_EQ(read(folders.previous / "index.html"), "first");
  EXPECT_FALSE(fs::exists(folders.staging));
}

// Publish flushes the staging folder's file system before it signs: a folder that is not
// there is an error that names it, not a manifest signed over files that may not be on disk.
TEST_F(MirrorFolders, FilesAreFlushedWhereTheFolderIsAndNoFolderIsAnError) {
  const fs::path site = make_site("m.partial");
  EXPECT_TRUE(sync_file_system(site).is_ok());
  Status missing = sync_file_system(tmp("nowhere"));
  EXPECT_EQ(missing.code(), Code::kIo);
  EXPECT_NE(missing.message().find("nowhere: cannot open it"), std::string::npos)
      << missing.message();
}

}  // namespace
}  // namespace jz::mirror::testing
