// jz_rank (store/fts5_rank.hpp): BM25 with every phrase weighing the same. A query of one
// term ranks exactly as FTS5's bm25() does; a query of several weighs its terms alike.
// Also: a pinyin term that is already its own syllables reads its doclist once.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "search/query.hpp"
#include "store/fts5_search_index.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {
namespace {

namespace fs = std::filesystem;

struct Scores {
  std::int64_t rowid;
  double bm25, ours;
};

class Fts5Rank : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-rank-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    auto db = Database::open((dir_ / "t.db").string(), true);
    ASSERT_TRUE(db) << db.status().message();
    db_ = std::make_unique<Database>(std::move(*db));
    ASSERT_TRUE(db_->exec(
        "CREATE VIRTUAL TABLE t USING fts5(names, pinyin, title, body, tokenize = 'jianzheng')"));
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }
  void add(const char* names, const char* title, const char* body) {
    auto st = db_->prepare("INSERT INTO t (names, pinyin, title, body) VALUES (?1, '', ?2, ?3)");
    ASSERT_TRUE(st) << st.status().message();
    st->bind(1, names).bind(2, title).bind(3, body);
    ASSERT_TRUE(st->run());
  }
  std::vector<Scores> scores(const std::string& match) {
    auto st = db_->prepare(
        "SELECT rowid, bm25(t, 10.0, 6.0, 4.0, 1.0), jz_rank(t, 10.0, 6.0, 4.0, 1.0) FROM t "
        "WHERE t MATCH ?1 ORDER BY rowid");
    EXPECT_TRUE(st) << st.status().message();
    std::vector<Scores> out;
    if (!st) return out;
    st->bind(1, match);
    Status s;
    while (st->step(&s)) out.push_back({st->integer(0), st->real(1), st->real(2)});
    EXPECT_TRUE(s) << s.message();
    return out;
  }

  fs::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(Fts5Rank, OneTermRanksAsBm25) {
  add("刘晓波", "", "");
  add("", "刘晓波案", "");
  add("", "", "刘晓波与刘晓波");
  add("", "", "关于刘晓波的事");
  add("", "", "一份很长的文件，其中只有一次提到刘晓波，其余都是别的内容别的内容别的内容");
  add("刘霞", "", "霞光");  // not 刘晓波; 刘 and 霞 as prefixes
  add("", "", "彩霞满天，没有那个名字");
  for (const char* match : {"\"刘晓波\"", "\"霞\" *", "\"刘\" *"}) {
    SCOPED_TRACE(match);
    auto rows = scores(match);
    ASSERT_GE(rows.size(), 2u);
    // bm25 = IDF x ours for every row: the same order, scaled by the one term's IDF.
    const double idf = rows[0].bm25 / rows[0].ours;
    EXPECT_GT(idf, 0);
    for (const auto& r : rows) {
      EXPECT_LT(r.ours, 0) << r.rowid;
      EXPECT_NEAR(r.bm25 / r.ours, idf, 1e-9 * idf) << r.rowid;
    }
  }
  // Names above titles above text; in text, two mentions above one, a short text above a long.
  auto rows = scores("\"刘晓波\"");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_LT(rows[0].ours, rows[1].ours);
  EXPECT_LT(rows[1].ours, rows[2].ours);
  EXPECT_LT(rows[2].ours, rows[3].ours);
  EXPECT_LT(rows[3].ours, rows[4].ours);
}

TEST_F(Fts5Rank, TermsOfAQueryWeighTheSame) {
  // 判决 is rare, 文件 common: bm25 ranks the text with 判决 twice first, jz_rank ties the two.
  add("", "", "判决判决文件");
  add("", "", "判决文件文件");
  for (int i = 0; i < 20; ++i) add("", "", "文件");
  auto rows = scores("\"判决\" AND \"文件\"");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_LT(rows[0].bm25, rows[1].bm25);
  EXPECT_DOUBLE_EQ(rows[0].ours, rows[1].ours);
}

TEST(Fts5MatchExpression, PinyinAlternativeOnlyWhenTheWordSplitsOtherwise) {
  auto expression = [](const char* typed) {
    auto q = search::parse_query(typed);
    EXPECT_TRUE(q) << typed;
    return q ? fts5_match_expression(*q) : std::string();
  };
  EXPECT_EQ(expression("liu"), "(\"liu\")");
  EXPECT_NE(expression("liuxiaobo").find("pinyin : \"liu xiao bo\""), std::string::npos);
  std::string xian = expression("xian");
  EXPECT_NE(xian.find("pinyin : \"xi an\""), std::string::npos) << xian;
  EXPECT_EQ(xian.find("pinyin : \"xian\""), std::string::npos) << xian;
}

}  // namespace
}  // namespace jz::store
