// Manifests: what is listed, in which order, the canonical text, determinism.
#include <nlohmann/json.hpp>

#include "mirror/manifest.hpp"
#include "mirror/manifest_line.hpp"
#include "mirror/tree.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorManifest : public MirrorTest {};

TEST_F(MirrorManifest, HashTreeListsEveryFileSortedBytewise) {
  fs::path site = make_site();
  write(site / "a b/ü.html", "x");
  write(site / "A.html", "y");
  write(site / "manifest.json", "old");  // the signature's own files are not listed
  write(site / "manifest.sig", "old");
  write(site / "en/manifest.json", "a page may have this name below the top");
  auto m = hash_tree(site);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  std::vector<std::string> paths;
  for (const auto& f : m->files) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"A.html", "a b/ü.html", "empty.txt", "en/index.html",
                                             "en/manifest.json", "en/persons/p44sj9v9201.html",
                                             "index.html", "static/site.css",
                                             "zh-hans/persons/p44sj9v9201.html"}));
  const auto& css = m->files[7];
  EXPECT_EQ(css.size, 15u);
  EXPECT_EQ(css.blake2b, blake2b("body{margin:0}\n"));
  EXPECT_EQ(m->files[2].size, 0u);
  EXPECT_EQ(m->files[2].blake2b, blake2b(""));
}

TEST_F(MirrorManifest, HashTreeRefusesSymlinks) {
  fs::path site = make_site();
  fs::create_symlink("/etc/passwd", site / "en/passwd.html");
  auto m = hash_tree(site);
  ASSERT_FALSE(m.is_ok());
  EXPECT_NE(m.status().message().find("en/passwd.html: not a regular file"), std::string::npos)
      << m.status().message();
}

TEST_F(MirrorManifest, CanonicalTextRoundTrips) {
  auto m = hash_tree(make_site());
  ASSERT_TRUE(m.is_ok());
  m->created = kCreated;
  m->key = "abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567";
  const std::string text = manifest_json(*m);
  EXPECT_TRUE(text.starts_with(
      "{\"format\":\"jianzheng-mirror/1\",\"created\":\"2024-06-04T08:00:00Z\",\"key\":\"abcd-"))
      << text;
  EXPECT_NE(text.find("\n{\"path\":\"empty.txt\",\"size\":0,\"blake2b\":\"" + to_hex(blake2b("")) +
                      "\"},\n"),
            std::string::npos);
  // Valid JSON as a whole, too.
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["files"].size(), m->files.size());
  auto back = parse_manifest(text, "manifest.json");
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(manifest_json(*back), text);
  // The same content in another layout is refused: only one text is signed for one manifest.
  auto other = parse_manifest(j.dump(2), "manifest.json");
  ASSERT_FALSE(other.is_ok());
  EXPECT_NE(other.status().message().find("manifest.json"), std::string::npos);
}

TEST_F(MirrorManifest, EntriesReadFastOrInFullGiveTheSameAndOnlyCanonicalOnes) {
  // Paths with and without characters JSON escapes: read without a JSON tree, or with one.
  auto m = manifest_from_entries(
      {{.path = "a\"quoted\".html", .size = 3, .blake2b = blake2b("a")},
       {.path = "zh-hans/中文.html", .size = 0, .blake2b = blake2b("")},
       {.path = "zh-hans/人物/p1.html", .size = 12345678901, .blake2b = blake2b("p")}},
      kCreated);
  ASSERT_TRUE(m) << m.status().message();
  m->key = "abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567";
  const std::string text = manifest_json(*m);
  ASSERT_NE(text.find("a\\\"quoted"), std::string::npos) << text;
  auto back = parse_manifest(text, "m.json");
  ASSERT_TRUE(back) << back.status().message();
  ASSERT_EQ(back->files.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back->files[i].path, m->files[i].path);
    EXPECT_EQ(back->files[i].size, m->files[i].size);
    EXPECT_EQ(back->files[i].blake2b, m->files[i].blake2b);
  }
  // What the fast reading would take but is not the one canonical text is refused by line.
  auto refused = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    auto r = parse_manifest(t, "m.json");
    return r ? std::string("accepted") : r.status().message();
  };
  EXPECT_NE(refused("\"size\":0,", "\"size\":00,").find("m.json:3: not in the canonical form"),
            std::string::npos);
  EXPECT_NE(refused("\"size\":0,", "\"size\":+0,").find("m.json:3:"), std::string::npos);
  EXPECT_NE(refused("\"size\":0,", "\"size\": 0,").find("m.json:3:"), std::string::npos);
  EXPECT_NE(refused(to_hex(blake2b("")), to_hex(blake2b("")).substr(1) + "A").find("m.json:3:"),
            std::string::npos);
  EXPECT_NE(refused("中文", "\xff\xfe").find("m.json:3: not UTF-8"), std::string::npos);
}

// Reading a large mirror's manifest depends on the fast reading being taken: if entry_line()
// changed its form, every line would silently go the slow way.
TEST_F(MirrorManifest, EveryLineAMirrorWritesIsReadFast) {
  for (const MirrorFile& e :
       {MirrorFile{.path = "en/persons/p1.html", .size = 0, .blake2b = blake2b("")},
        MirrorFile{
            .path = "zh-hant/人物 a+b/ü.html", .size = 12345678901, .blake2b = blake2b("x")}}) {
    const std::string line = entry_line(e);
    auto fast = plain_entry(line);
    ASSERT_TRUE(fast) << line;
    EXPECT_EQ(fast->path, e.path);
    EXPECT_EQ(fast->size, e.size);
    EXPECT_EQ(fast->blake2b, e.blake2b);
  }
  // A path JSON escapes, or a line in another layout, is left to the full parse.
  EXPECT_FALSE(plain_entry(entry_line({.path = "a\"b", .size = 1, .blake2b = blake2b("")})));
  EXPECT_FALSE(plain_entry(entry_line({.path = "a\\b", .size = 1, .blake2b = blake2b("")})));
  EXPECT_FALSE(
      plain_entry("{\"size\":1,\"path\":\"a\",\"blake2b\":\"" + to_hex(blake2b("")) + "\"}"));
}

TEST_F(MirrorManifest, MalformedManifestsAreRefusedWithTheLine) {
  auto m = *hash_tree(make_site());
  m.created = kCreated;
  m.key = "abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567";
  const std::string good = manifest_json(m);
  auto bad = [](std::string text) { return parse_manifest(text, "m.json").status().message(); };
  std::string t = good;
  t.replace(t.find("\"size\":0"), 8, "\"size\":-1");
  EXPECT_NE(bad(t).find("m.json:2:"), std::string::npos) << bad(t);
  EXPECT_NE(bad(good.substr(0, good.size() / 2)).find("m.json"), std::string::npos);
  EXPECT_NE(bad("").find("not a manifest"), std::string::npos);
  t = good;
  t.replace(t.find("jianzheng-mirror/1"), 18, "jianzheng-mirror/9");
  EXPECT_NE(bad(t).find("newer jianzheng"), std::string::npos) << bad(t);
  t = good;
  t.replace(t.find("\"path\":\"en/index.html\""), 22, "\"path\":\"../index.html\"");
  EXPECT_FALSE(parse_manifest(t, "m.json").is_ok());
}

TEST_F(MirrorManifest, FromEntriesSortsAndRefusesBadPaths) {
  auto m = manifest_from_entries({{.path = "b", .size = 1, .blake2b = blake2b("b")},
                                  {.path = "a/c", .size = 1, .blake2b = blake2b("c")}},
                                 kCreated);
  ASSERT_TRUE(m.is_ok());
  EXPECT_EQ(m->files[0].path, "a/c");
  EXPECT_EQ(m->created, kCreated);
  for (const char* p :
       {"", "/etc/passwd", "../x", "a//b", "a/./b", "a\\b", "manifest.json", "manifest.sig"})
    EXPECT_FALSE(manifest_from_entries({{.path = p, .size = 0, .blake2b = {}}}).is_ok()) << p;
  EXPECT_FALSE(manifest_from_entries({{.path = "a", .size = 0, .blake2b = {}},
                                      {.path = "a", .size = 0, .blake2b = {}}})
                   .is_ok());
}

TEST_F(MirrorManifest, SigningTheSameFilesTwiceGivesTheSameBytes) {
  fs::path keys = make_keys();
  fs::path a = make_site("a"), b = make_site("b");
  sign(a, keys);
  sign(b, keys);
  for (const char* f : {"manifest.json", "manifest.sig", "keys.json"})
    EXPECT_EQ(read(a / f), read(b / f)) << f;
  // Signing again in place changes nothing either (the old manifest is not listed).
  const std::string before = read(a / "manifest.json");
  sign(a, keys);
  EXPECT_EQ(read(a / "manifest.json"), before);
  EXPECT_NE(before.find("{\"path\":\"keys.json\""), std::string::npos);
  EXPECT_NE(before.find(fingerprint_of(keys)), std::string::npos);
}

TEST_F(MirrorManifest, EntriesTheCallerHashedSignLikeTheTree) {
  fs::path keys = make_keys();
  fs::path a = make_site("a"), b = make_site("b");
  sign(a, keys);
  // The exporter's way: it knows each file's bytes and hands over the list.
  std::vector<MirrorFile> files;
  for (const char* p : {"index.html", "en/index.html", "en/persons/p44sj9v9201.html",
                        "zh-hans/persons/p44sj9v9201.html", "static/site.css", "empty.txt"}) {
    const std::string bytes = read(b / p);
    files.push_back({.path = p, .size = bytes.size(), .blake2b = blake2b(bytes)});
  }
  auto m = manifest_from_entries(std::move(files), kCreated);
  ASSERT_TRUE(m.is_ok());
  Status s = sign_and_write(b, std::move(*m), signer(keys));
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(read(a / "manifest.json"), read(b / "manifest.json"));
  EXPECT_EQ(read(a / "manifest.sig"), read(b / "manifest.sig"));
}

TEST_F(MirrorManifest, SigningNeedsTheDataTime) {
  fs::path keys = make_keys();
  fs::path site = make_site();
  Status s = sign_tree(site, "yesterday", signer(keys));
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("latest revision"), std::string::npos);
  EXPECT_FALSE(fs::exists(site / "manifest.json"));
}

}  // namespace
}  // namespace jz::mirror::testing
