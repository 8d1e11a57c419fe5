// The FTS5 engine's bounds and its in-memory document table: a query that matches more than
// the engine ranks or counts still lists every match exactly once, names and titles first;
// changes made through another connection, or rolled back, show in the next search.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

#include "search/search_index.hpp"
#include "store/fts5_search_index.hpp"

namespace jz::store {
namespace {

namespace fs = std::filesystem;
using search::SearchDocument;
using V = std::vector<std::string>;

SearchDocument report(std::string id, std::string title, std::string body,
                      std::vector<Facet> facets = {}) {
  SearchDocument d;
  d.id = std::move(id);
  d.kind = "source";
  d.title = std::move(title);
  d.body = std::move(body);
  d.facets = std::move(facets);
  return d;
}

class Fts5Limits : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-limits-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    auto db = Database::open(path_, true);
    ASSERT_TRUE(db) << db.status().message();
    db_ = std::make_unique<Database>(std::move(*db));
    ASSERT_TRUE(db_->exec("PRAGMA synchronous = OFF"));
    ASSERT_TRUE(db_->exec(kSearchSchemaSql));
    index_ = open_index(*db_, {.ranked = 2, .counted = 5});
    // The oldest document holds the word in its title; ten newer ones in their text only.
    put(report("t0", "报告", "目录"));
    for (int i = 1; i <= 10; ++i)
      put(report("b" + std::to_string(i), "", "这份报告第" + std::to_string(i) + "页",
                 {{"year", i % 2 ? "2001" : "2002"}}));
  }
  void TearDown() override {
    index_.reset();
    db_.reset();
    fs::remove_all(dir_);
  }
  static std::unique_ptr<search::SearchIndex> open_index(Database& db, SearchLimits limits) {
    auto index = open_fts5_search_index(db, limits);
    EXPECT_TRUE(index) << index.status().message();
    return index ? std::move(*index) : nullptr;
  }
  void put(const SearchDocument& d) {
    Status s = index_->put(d);
    ASSERT_TRUE(s) << s.message();
  }
  static search::SearchResult find(search::SearchIndex& index, std::string_view text,
                                   std::int64_t offset = 0, std::int64_t limit = 20) {
    search::SearchRequest r;
    auto q = search::parse_query(text);
    EXPECT_TRUE(q) << q.status().message();
    r.query = *q;
    r.offset = offset;
    r.limit = limit;
    auto result = index.search(r);
    EXPECT_TRUE(result) << result.status().message();
    return result ? *result : search::SearchResult{};
  }
  static V ids(const search::SearchResult& result) {
    V out;
    for (const auto& h : result.hits) out.push_back(h.id);
    return out;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<search::SearchIndex> index_;
};

TEST_F(Fts5Limits, BeyondTheCountedMatchesTheResultSaysItIsIncomplete) {
  auto result = find(*index_, "报告", 0, 2);
  EXPECT_FALSE(result.complete);
  // The first five matches are counted (the title match and four text matches), the title
  // match ranked first.
  EXPECT_EQ(result.total, 5);
  EXPECT_EQ(ids(result), (V{"t0", "b1"}));
  std::int64_t years = 0;
  for (const auto& f : result.facets)
    if (f.name == "year") years += f.count;
  EXPECT_EQ(years, 4);

  auto all = find(*index_, "报告", 0, 20);  // a page beyond the counted matches: all counted
  EXPECT_TRUE(all.complete);
  EXPECT_EQ(all.total, 11);
}

TEST_F(Fts5Limits, PagingListsEveryMatchOnceWithTheTitleFirst) {
  V seen;
  for (std::int64_t offset = 0; offset < 12; offset += 3) {
    auto page = ids(find(*index_, "报告", offset, 3));
    seen.insert(seen.end(), page.begin(), page.end());
  }
  ASSERT_EQ(seen.size(), 11u);
  EXPECT_EQ(seen[0], "t0");
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 11u);
}

TEST_F(Fts5Limits, AnotherConnectionsChangesShowInTheNextSearch) {
  auto other_db = Database::open(path_, false);
  ASSERT_TRUE(other_db);
  auto other = open_index(*other_db, {});
  EXPECT_EQ(find(*other, "目录").total, 1);  // loads the table on first use

  put(report("n1", "", "新的目录", {{"year", "2003"}}));
  ASSERT_TRUE(index_->remove("t0"));
  auto after = find(*other, "目录");
  EXPECT_EQ(ids(after), (V{"n1"}));
  bool counted_2003 = false;
  for (const auto& f : after.facets) counted_2003 |= f.name == "year" && f.value == "2003";
  EXPECT_TRUE(counted_2003);

  put(report("t0", "报告", "目录"));  // back again, in its old row
  EXPECT_EQ(find(*other, "目录").total, 2);
}

TEST_F(Fts5Limits, ARolledBackChangeIsForgotten) {
  ASSERT_TRUE(db_->exec("BEGIN"));
  put(report("r1", "", "草稿目录"));
  EXPECT_EQ(find(*index_, "目录").total, 2);  // seen inside its transaction
  ASSERT_TRUE(db_->exec("ROLLBACK"));
  EXPECT_EQ(ids(find(*index_, "目录")), (V{"t0"}));
  put(report("r2", "", "定稿目录"));  // takes the generation the rolled-back write had
  EXPECT_EQ(find(*index_, "目录").total, 2);
}

TEST_F(Fts5Limits, ReplacedAndRemovedDocumentsLeaveNoTermsBehind) {
  put(report("t0", "目录", "报告"));  // the title and the text change places
  ASSERT_TRUE(index_->remove("b1"));
  auto rows = [&](const std::string& sql) {
    auto q = db_->prepare(sql);
    EXPECT_TRUE(q) << q.status().message();
    std::vector<std::int64_t> out;
    Status s;
    while (q && q->step(&s)) out.push_back(q->integer(0));
    EXPECT_TRUE(s) << s.message();
    return out;
  };
  EXPECT_EQ(rows("SELECT rowid FROM search_head WHERE search_head MATCH '\"报告\"'").size(), 0u);
  EXPECT_EQ(rows("SELECT rowid FROM search_head WHERE search_head MATCH '\"目录\"'").size(), 1u);
  EXPECT_EQ(rows("SELECT rowid FROM search_text WHERE search_text MATCH '\"报告\"'").size(), 10u);
  for (const char* table : {"search_text", "search_head"}) {
    std::string check =
        std::string("INSERT INTO ") + table + " (" + table + ") VALUES ('integrity-check')";
    EXPECT_TRUE(db_->exec(check)) << table;
  }
}

TEST_F(Fts5Limits, FiltersAloneListEveryAcceptedDocumentInTheOrderAdded) {
  search::SearchRequest r;
  r.filters = {{"year", "2001"}};
  r.limit = 3;
  auto result = index_->search(r);
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->complete);
  EXPECT_EQ(result->total, 5);
  EXPECT_EQ(ids(*result), (V{"b1", "b3", "b5"}));
  put(report("m1", "", "宋代文书", {{"year", "999"}}));  // three digits, as records write them
  r.filters = {};
  r.year_from = 900;
  r.year_to = 1000;
  result = index_->search(r);
  ASSERT_TRUE(result);
  EXPECT_EQ(ids(*result), (V{"m1"}));
  r.year_from = r.year_to = 0;
  r.filters = {{"kind", "person"}};
  result = index_->search(r);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->total, 0);
}

}  // namespace
}  // namespace jz::store
