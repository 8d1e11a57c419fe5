// The search index of a static mirror (search/static_index.hpp) and the script that reads
// it (src/web/static/mirror-search.js, run in node): terms, determinism, term -> shard
// consistency, caps, the script's tokenizer against the C++ one, and queries on the demo
// data against the live engine.
#include "search/static_index.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "exchange/import.hpp"
#include "search/fold.hpp"
#include "search/pinyin.hpp"
#include "search/query.hpp"
#include "search/tokenizer.hpp"
#include "static_fixture.hpp"
#include "store/store.hpp"

namespace jz::search {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() /
               ("jz-static-" + name + "-" + std::to_string(std::random_device()()));
  fs::create_directories(d);
  return d;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file under `dir`, by relative path.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = read(e.path());
  return out;
}

// The payload of a shard file: jzMirrorSearch.add("NAME",PAYLOAD);
json payload(const std::string& file) {
  auto open = file.find(',');
  auto close = file.rfind(");");
  return json::parse(file.substr(open + 1, close - open - 1));
}

// The doc numbers of an encoded list (the inverse of static_index.cpp's append_number).
std::vector<std::uint32_t> decode(std::string_view s) {
  constexpr std::string_view kMore = "0123456789abcdefghijklmnopqrstuv";
  constexpr std::string_view kLast = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_.";
  std::vector<std::uint32_t> out;
  std::int64_t doc = -1, n = 0;
  for (char c : s) {
    if (auto d = kMore.find(c); d != std::string_view::npos) {
      n = n * 32 + static_cast<std::int64_t>(d);
      continue;
    }
    doc += 1 + n * 32 + static_cast<std::int64_t>(kLast.find(c));
    out.push_back(static_cast<std::uint32_t>(doc));
    n = 0;
  }
  return out;
}

struct Line {
  std::vector<std::uint32_t> names, titles, body;
  std::size_t total = 0;  // 0 unless capped
  std::size_t bytes = 0;
};

// term -> its postings, from every term shard, checking each sits in its hash's shard.
std::map<std::string, Line> read_terms(const fs::path& dir) {
  json meta = payload(read(dir / "meta.js"));
  std::uint32_t shards = meta["termShards"];
  std::map<std::string, Line> out;
  for (std::uint32_t i = 0; i < shards; ++i) {
    std::string text = payload(read(dir / "t" / (std::to_string(i) + ".js")));
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> f;
      std::istringstream fields(line);
      for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
      while (f.size() < 4) f.emplace_back();
      EXPECT_EQ(fnv1a(f[0]) % shards, i) << f[0];
      Line l{decode(f[1]), decode(f[2]), decode(f[3]), f.size() > 4 ? std::stoul(f[4]) : 0,
             f[1].size() + f[2].size() + f[3].size()};
      EXPECT_TRUE(out.emplace(f[0], l).second) << "twice: " << f[0];
    }
  }
  return out;
}

SearchDocument fields(std::string id, std::string names, std::string body) {
  SearchDocument d;
  d.id = std::move(id);
  d.names = std::move(names);
  d.pinyin = name_pinyin(d.names.substr(0, d.names.find('\n')));
  d.body = std::move(body);
  return d;
}

StaticDocument doc(std::string path, std::string names, std::string body) {
  StaticDocument d;
  d.path = path;
  d.kind = "person";
  d.titles = {names, names, names};
  d.fields = fields(path, std::move(names), std::move(body));
  return d;
}

TEST(StaticIndex, FnvMatchesTheReferenceValues) {
  EXPECT_EQ(fnv1a(""), 2166136261u);
  EXPECT_EQ(fnv1a("a"), 0xe40c292cu);
  EXPECT_EQ(fnv1a("foobar"), 0xbf9cf968u);
}

TEST(StaticIndex, TermsHoldEveryIdeographAloneAndJoinedPinyinAtTheirBestField) {
  SearchDocument d = fields("p", "刘晓波\nLiu Xiaobo", "诺贝尔和平奖 刘晓波");
  d.title = "和平";
  auto terms = static_terms(d);
  std::map<std::string, StaticField> got;
  for (const auto& t : terms) EXPECT_TRUE(got.emplace(t.text, t.field).second) << t.text;
  auto field = [&](const std::string& t) { return got.count(t) ? int(got[t]) : -1; };
  for (std::string name :
       {"刘晓", "晓波", "刘", "晓", "波", "liu", "xiaobo", "xiao", "bo", "liuxiao", "liuxiaobo"})
    EXPECT_EQ(field(name), int(StaticField::kName)) << name;
  for (std::string title : {"和平", "和", "平"})
    EXPECT_EQ(field(title), int(StaticField::kTitle)) << title;
  for (std::string body : {"诺贝", "贝尔", "诺", "贝", "尔和", "平奖", "奖"})
    EXPECT_EQ(field(body), int(StaticField::kBody)) << body;
  EXPECT_EQ(field("liuxiaob"), -1);  // joins are of whole syllables
}

TEST(StaticIndex, SameDocumentsGiveTheSameBytesInAnyOrder) {
  std::vector<StaticDocument> docs = {doc("persons/a.html", "刘晓波", "诺贝尔和平奖 2010"),
                                      doc("persons/b.html", "劉霞", "Liu Xia, poet"),
                                      doc("persons/c.html", "伊力哈木·土赫提", "经济学家")};
  fs::path dir = temp_dir("determinism");
  StaticIndexWriter forward, backward;
  for (const auto& d : docs) forward.add(d);
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) backward.add(*it);
  ASSERT_TRUE(forward.write(dir / "a"));
  ASSERT_TRUE(backward.write(dir / "b"));
  auto a = files_of(dir / "a");
  EXPECT_EQ(a, files_of(dir / "b"));
  EXPECT_TRUE(a.count("meta.js"));
  EXPECT_TRUE(a.count("t/0.js"));
  EXPECT_TRUE(a.count("d/en/0.js"));
  EXPECT_TRUE(a.count("d/zh-hant/0.js"));
  EXPECT_TRUE(a.count("f/0.js"));  // 劉 -> 刘 at least
  // The Traditional table holds only characters whose Simplified form the index has.
  std::string table = payload(a["f/0.js"]);
  EXPECT_NE(table.find("劉刘"), std::string::npos);
  EXPECT_NE(table.find("曉晓"), std::string::npos);
  EXPECT_EQ(table.find("東东"), std::string::npos);

  // Doc numbers follow the paths; every term is in the shard of its hash.
  auto terms = read_terms(dir / "a");
  EXPECT_EQ(terms["刘"].names, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(terms["liu"].names, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(terms["liu"].body, std::vector<std::uint32_t>{});
  EXPECT_EQ(terms["poet"].body, (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(terms.count("yilihamututiti"), 0u);  // not a span of its syllables
  EXPECT_EQ(terms["tuheti"].names, (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(terms["木土"].names, (std::vector<std::uint32_t>{2}));  // the dot joins the run
  fs::remove_all(dir);
}

TEST(StaticIndex, RefusesAFolderInUseAndTwoDocumentsWithOnePath) {
  fs::path dir = temp_dir("refuse");
  std::ofstream(dir / "x") << "x";
  StaticIndexWriter w;
  w.add(doc("persons/a.html", "刘晓波", ""));
  EXPECT_FALSE(w.write(dir));
  w.add(doc("persons/a.html", "刘霞", ""));
  auto s = w.write(dir / "new");
  ASSERT_FALSE(s);
  EXPECT_NE(s.status().message().find("persons/a.html"), std::string::npos);
  fs::remove_all(dir);
}

TEST(StaticIndex, LongPostingListsAreCutNamesFirstAndSaySo) {
  StaticIndexWriter w;
  constexpr int kDocs = 20000;
  for (int i = 0; i < kDocs; ++i) {
    char path[32];
    std::snprintf(path, sizeof path, "persons/%05d.html", i);
    // Every doc has "common" in its body; every 1000th also in its name.
    w.add(doc(path, i % 1000 == 0 ? "common name" : "person " + std::to_string(i),
              "common text " + std::to_string(i)));
  }
  fs::path dir = temp_dir("caps");
  auto stats = w.write(dir);
  ASSERT_TRUE(stats) << stats.status().message();
  std::printf(
      "20000 documents: %zu terms (%zu cut), %zu files, %zu bytes; largest term shard %zu, "
      "doc shard %zu\n",
      stats->terms, stats->capped_terms, stats->files, stats->total_bytes,
      stats->largest_term_shard, stats->largest_doc_shard);
  EXPECT_GE(stats->capped_terms, 1u);
  auto terms = read_terms(dir);
  const Line& common = terms["common"];
  EXPECT_EQ(common.total, std::size_t(kDocs));
  EXPECT_EQ(common.names.size(), 20u);  // all name hits kept, before any body hit
  EXPECT_GT(common.body.size(), 0u);
  EXPECT_LT(common.names.size() + common.body.size(), std::size_t(kDocs));
  EXPECT_LE(common.bytes, kMaxPostingBytes);
  EXPECT_EQ(terms["person"].total, std::size_t(kDocs - 20));
  EXPECT_EQ(terms["name"].total, 0u);  // 20 docs: not cut
  // Every shard stays small, whatever the corpus.
  for (const auto& [name, text] : files_of(dir)) EXPECT_LE(text.size(), 24u * 1024) << name;
  fs::remove_all(dir);
}

// Runs mirror_search_node.mjs with `requests`, over the index in `index_dir`.
json run_script(const json& requests, const fs::path& index_dir, const fs::path& work) {
  fs::path in = work / "requests.json", out = work / "answers.json";
  std::ofstream(in) << requests.dump();
  std::string command = std::string(JZ_NODE) + " " + JZ_SOURCE_DIR +
                        "/tests/search/mirror_search_node.mjs " + JZ_SOURCE_DIR +
                        "/src/web/static/mirror-search.js " + index_dir.string() + " < " +
                        in.string() + " > " + out.string();
  int rc = std::system(command.c_str());
  EXPECT_EQ(rc, 0) << command << " (is node installed? scripts/install-deps installs it)";
  if (rc != 0) return json::object();
  return json::parse(read(out));
}

TEST(StaticIndex, ScriptTokenizesQueriesAsTheCppTokenizerDoes) {
  const std::vector<std::string> inputs = {
      "刘晓波",
      "劉曉波",
      "晓",
      "霞",
      "晓波",
      "刘晓波 霞",
      "刘晓波，刘霞",
      "刘 晓 波",
      "liu xiaobo",
      "liuxiaobo",
      "Liú Xiǎobō",
      "LIU XIAOBO",
      "Lǐ Hépíng",
      "ＬＩＵ　ＸＩＡＯＢＯ",
      "１２３ 刘晓波",
      "伊力哈木·土赫提",
      "伊力哈木•土赫提",
      "伊力哈木‧土赫提",
      "伊力哈木・土赫提",
      "伊力哈木-土赫提",
      "伊力哈木 土赫提",
      "Ilham Tohti",
      "ئىلھام تО",
      "བསྟན་འཛིན་རྒྱ་མཚོ",
      "丹增德勒仁波切",
      "Müller Straße",
      "Jean-Pierre",
      "709大抓捕",
      "COVID-19 武汉",
      "高智晟（律师）",
      "Gao Zhisheng高智晟",
      "한국어 テスト かな",
      "𠮷野家",
      "Ⅻ ﬁne ㍿",
      "Ελλάδα Ωμέγα",
      "Москва Ёлка",
      "a",
      "",
      "—",
      "\"刘晓波\"",
      "臺灣 台湾 颱風",
      "乾隆 乾燥",
      "著名 着急",
      "樂 乐",
      "天安門廣場",
  };
  // The index must hold the Simplified forms for the script to get their table entries.
  std::string all;
  for (const auto& s : inputs) all += s + "\n";
  StaticIndexWriter w;
  w.add(doc("persons/all.html", "刘晓波", all));
  fs::path dir = temp_dir("parity");
  ASSERT_TRUE(w.write(dir / "search"));
  json answers = run_script({{"tokenize", inputs}}, dir / "search", dir);
  ASSERT_EQ(answers["tokenize"].size(), inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<std::string> expected;
    tokenize(inputs[i], TokenizeFor::kQuery,
             [&](std::string_view t, std::size_t, std::size_t, bool) {
               expected.emplace_back(t);
               return true;
             });
    EXPECT_EQ(answers["tokenize"][i]["terms"].get<std::vector<std::string>>(), expected)
        << inputs[i];
    EXPECT_EQ(answers["tokenize"][i]["lone"].get<bool>(), ends_in_lone_ideograph(inputs[i]))
        << inputs[i];
  }
  fs::remove_all(dir);
}

// The demo data as a mirror's search index, and the live engine over the same records.
class StaticDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(temp_dir("demo"));
    auto s = store::open_sqlite((*dir_ / "t.db").string(), {.create = true});
    ASSERT_TRUE(s) << s.status().message();
    store_ = s->release();
    auto report = exchange::import_jsonl(
        *store_, std::string(JZ_SOURCE_DIR) + "/data/demo/demo.jsonl", exchange::ImportOptions{});
    ASSERT_TRUE(report) << report.status().message();
    auto docs = testing::static_documents(*store_);
    ASSERT_TRUE(docs) << docs.status().message();
    StaticIndexWriter w;
    for (auto& d : *docs) w.add(std::move(d));
    auto stats = w.write(*dir_ / "search");
    ASSERT_TRUE(stats) << stats.status().message();
    std::printf(
        "demo index: %zu documents, %zu terms, %zu files, %zu bytes; largest term shard "
        "%zu, doc shard %zu, fold shard %zu\n",
        stats->documents, stats->terms, stats->files, stats->total_bytes, stats->largest_term_shard,
        stats->largest_doc_shard, stats->largest_fold_shard);
  }
  static void TearDownTestSuite() {
    delete store_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  // The ids the live engine finds for `text` (all of them).
  static std::set<std::string> live(const std::string& text) {
    SearchRequest r;
    auto q = parse_query(text);
    EXPECT_TRUE(q) << text;
    r.query = *q;
    r.limit = 1000;
    auto result = store_->search(r);
    EXPECT_TRUE(result) << result.status().message();
    std::set<std::string> out;
    for (const auto& h : result->hits) out.insert(h.id);
    return out;
  }

  static inline fs::path* dir_ = nullptr;
  static inline store::Store* store_ = nullptr;
};

std::string id_of(const std::string& path) {
  auto slash = path.find('/');
  return path.substr(slash + 1, path.size() - slash - 1 - 5);
}

TEST_F(StaticDemo, QueriesFindWhatTheLiveSearchFinds) {
  const std::string liu = "p44sj9v9201";
  struct Case {
    std::string q;
    bool same_as_live;  // words and 1-2 characters: exactly; longer runs may find more
  };
  const std::vector<Case> cases = {
      {"刘晓波", false},        {"劉曉波", false},      {"liu xiaobo", true},
      {"liuxiaobo", true},      {"Liú Xiǎobō", true},   {"LIU XIAOBO", true},
      {"xiaobo", true},         {"晓", true},           {"晓波", true},
      {"高智晟", false},        {"Gao Zhisheng", true}, {"human rights", true},
      {"torture -china", true}, {"诺贝尔", false},      {"name:晓波", true},
  };
  constexpr int kPages = 8;  // every hit of every query in the table
  json requests = {{"search", json::array()}};
  for (const auto& c : cases)
    for (int page = 1; page <= kPages; ++page)
      requests["search"].push_back({{"q", c.q}, {"lang", 2}, {"page", page}});
  json answers = run_script(requests, *dir_ / "search", *dir_);
  ASSERT_EQ(answers["search"].size(), cases.size() * kPages);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::set<std::string> found;
    std::size_t total = 0;
    for (std::size_t page = 0; page < kPages; ++page) {
      const json& a = answers["search"][i * kPages + page];
      total = a["total"];
      EXPECT_LE(a["bytes"].get<std::size_t>(), 100u * 1024) << cases[i].q;
      EXPECT_FALSE(a["capped"].get<bool>()) << cases[i].q;
      if (page + 1 <= a["pages"].get<std::size_t>())
        for (const auto& p : a["paths"]) found.insert(id_of(p));
    }
    EXPECT_EQ(found.size(), total) << cases[i].q << ": more pages than the test reads";
    auto expected = live(cases[i].q);
    EXPECT_FALSE(expected.empty()) << cases[i].q;
    if (cases[i].same_as_live) {
      EXPECT_EQ(found, expected) << cases[i].q;
    } else {
      for (const auto& id : expected) EXPECT_TRUE(found.count(id)) << cases[i].q << ": " << id;
    }
  }
  // The name ranks first, with its title and kind in the reader's language.
  for (std::size_t i : {0u, 1u, 2u, 3u, 4u, 7u}) {
    const json& a = answers["search"][i * kPages];
    ASSERT_FALSE(a["paths"].empty()) << cases[i].q;
    EXPECT_EQ(a["paths"][0], "persons/" + liu + ".html") << cases[i].q;
    EXPECT_EQ(a["titles"][0], "Liu Xiaobo");
    EXPECT_EQ(a["kinds"][0], "Person");
  }
}

TEST_F(StaticDemo, NothingFoundExclusionsAndIgnoredFilters) {
  json requests = {{"search",
                    {{{"q", "qqqzzzxx"}},
                     {{"q", "刘晓波 -刘晓波"}},
                     {{"q", "刘晓波 year:2008"}},
                     {{"q", "刘晓波"}, {"lang", 0}},
                     {{"q", "劉曉波"}, {"lang", 1}}}}};
  json answers = run_script(requests, *dir_ / "search", *dir_);
  ASSERT_EQ(answers["search"].size(), 5u);
  EXPECT_EQ(answers["search"][0]["total"], 0);
  EXPECT_EQ(answers["search"][1]["total"], 0);
  EXPECT_TRUE(answers["search"][2]["ignored"].get<bool>());
  EXPECT_GT(answers["search"][2]["total"], 0);
  EXPECT_EQ(answers["search"][3]["titles"][0], "刘晓波");
  EXPECT_EQ(answers["search"][3]["kinds"][0], "人物");
  EXPECT_FALSE(answers["search"][4]["paths"].empty());
}

}  // namespace
}  // namespace jz::search
