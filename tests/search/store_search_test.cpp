// The search index as part of the store: written with each record in the same
// transaction, public view only, and filled for databases made before it existed.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "common/old_schema.hpp"
#include "core/record_json.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace jz::store {
namespace {

namespace fs = std::filesystem;

class StoreSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-search-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    open();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  void open() {
    store_.reset();
    auto s = open_sqlite(path_, {.create = true});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
  }
  Status put(const std::string& json) {
    auto r = parse_record(json);
    if (!r) return r.status();
    auto outcome = store_->put(*r, {"tester", "test"});
    return outcome.status();
  }
  std::vector<std::string> found(std::string_view text) {
    search::SearchRequest r;
    auto q = search::parse_query(text);
    EXPECT_TRUE(q) << q.status().message();
    r.query = *q;
    auto result = store_->search(r);
    EXPECT_TRUE(result) << result.status().message();
    std::vector<std::string> out;
    for (const auto& h : result->hits) out.push_back(h.id);
    return out;
  }
  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

using V = std::vector<std::string>;

TEST_F(StoreSearch, ConfidentialFieldsAndNonPublicRecordsAreNeverIndexed) {
  ASSERT_TRUE(put(R"({"id":"p0000000001","kind":"person","confidential":["/body/health"],
      "body":{"name":{"zh":"王五"},"health":{"zh":"秘密病情甲乙丙"},"summary":{"zh":"公开简介"}}})"));
  ASSERT_TRUE(put(R"({"id":"p0000000002","kind":"person","visibility":"restricted",
      "body":{"name":{"zh":"赵六"},"summary":{"zh":"受限简介"}}})"));
  EXPECT_EQ(found("王五"), (V{"p0000000001"}));
  EXPECT_EQ(found("公开简介"), (V{"p0000000001"}));
  EXPECT_EQ(found("甲乙丙"), V{});
  EXPECT_EQ(found("赵六"), V{});
  EXPECT_EQ(found("受限"), V{});
}

TEST_F(StoreSearch, AChangeOfVisibilityTakesTheRecordOutOfTheIndex) {
  ASSERT_TRUE(put(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"王五"}}})"));
  EXPECT_EQ(found("王五"), (V{"p0000000001"}));
  ASSERT_TRUE(put(
      R"({"id":"p0000000001","kind":"person","visibility":"confidential","body":{"name":{"zh":"王五"}}})"));
  EXPECT_EQ(found("王五"), V{});
  ASSERT_TRUE(put(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"王五"},
      "summary":{"zh":"新的简介"}}})"));
  EXPECT_EQ(found("新的简介"), (V{"p0000000001"}));
}

TEST_F(StoreSearch, AFailedTransactionLeavesNothingInTheIndex) {
  Status s = store_->transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(
        put(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"王五"}}})"));
    return Status::invalid("stop");
  });
  EXPECT_FALSE(s);
  EXPECT_EQ(found("王五"), V{});
  // Nothing of the failed transaction is left waiting to be written by the next one.
  ASSERT_TRUE(put(R"({"id":"p0000000002","kind":"person","body":{"name":{"zh":"赵六"}}})"));
  EXPECT_EQ(found("王五"), V{});
  EXPECT_EQ(found("赵六"), (V{"p0000000002"}));
}

// The store hands search documents to the index in groups (put_many); within the
// transaction nothing may show it.
TEST_F(StoreSearch, ManyRecordsInOneTransactionAreIndexedInOrder) {
  auto person = [](int i, std::string_view name, std::string_view visibility = "public") {
    char id[16];
    std::snprintf(id, sizeof id, "p%010d", i);
    return R"({"id":")" + std::string(id) + R"(","kind":"person","visibility":")" +
           std::string(visibility) + R"(","body":{"name":{"zh":")" + std::string(name) + "\"}}}";
  };
  Status s = store_->transaction([&]() -> Status {
    for (int i = 1; i <= 600; ++i) JZ_RETURN_IF_ERROR(put(person(i, "张三丰")));
    JZ_RETURN_IF_ERROR(put(person(601, "李四")));
    // Seen by a search in the same transaction, before its group is full.
    if (found("李四") != V{"p0000000601"}) return Status::internal("a queued document not found");
    JZ_RETURN_IF_ERROR(put(person(601, "李四", "confidential")));  // queued, then hidden
    JZ_RETURN_IF_ERROR(put(person(602, "王五")));
    return put(person(602, "赵六"));  // queued twice: the later wins
  });
  ASSERT_TRUE(s) << s.message();
  search::SearchRequest r;
  r.query = *search::parse_query("张三丰");
  auto all = store_->search(r);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 600);
  EXPECT_EQ(found("李四"), V{});
  EXPECT_EQ(found("王五"), V{});
  EXPECT_EQ(found("赵六"), (V{"p0000000602"}));
}

TEST_F(StoreSearch, AnOlderDatabaseIsIndexedWhenItIsOpened) {
  ASSERT_TRUE(put(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"劉曉波"}}})"));
  store_.reset();
  {  // Back to schema 2, as a database written by the previous version would be.
    auto db = Database::open(path_, false);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(std::string(jz::testing::kBackToSchema4) +
                         "DROP TABLE search_text; DROP TABLE search_head; DROP TABLE search_docs; "
                         "PRAGMA user_version = 2"));
  }
  open();
  EXPECT_EQ(found("刘晓波"), (V{"p0000000001"}));
  EXPECT_EQ(found("liuxiaobo"), (V{"p0000000001"}));
}

TEST_F(StoreSearch, TheFirstIndexIsReplacedWhenItIsOpened) {
  ASSERT_TRUE(put(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"劉曉波"}}})"));
  store_.reset();
  {  // Schema 3: the first index's tables, with an entry of its own.
    auto db = Database::open(path_, false);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(
        std::string(jz::testing::kBackToSchema4) +
        "DROP TABLE search_text; DROP TABLE search_head; DROP TABLE search_docs; "
        "CREATE VIRTUAL TABLE search_text USING fts5(names, pinyin, title, body, "
        "tokenize = 'jianzheng'); "
        "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
        "kind TEXT NOT NULL) STRICT; "
        "CREATE TABLE search_facets (name TEXT NOT NULL, value TEXT NOT NULL, doc INTEGER NOT "
        "NULL, kind TEXT NOT NULL, PRIMARY KEY (name, value, doc)) STRICT, WITHOUT ROWID; "
        "INSERT INTO search_docs (rowid, id, kind) VALUES (1, 'p0000000009', 'person'); "
        "INSERT INTO search_text (rowid, names) VALUES (1, '旧名'); "
        "PRAGMA user_version = 3"));
  }
  open();
  EXPECT_EQ(found("刘晓波"), (V{"p0000000001"}));
  EXPECT_EQ(found("旧名"), V{});
  auto report = store_->verify();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok());
}

TEST_F(StoreSearch, VerifyFindsAnIndexChangedBehindTheStoresBack) {
  ASSERT_TRUE(put(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"王五"}}})"));
  ASSERT_TRUE(put(R"({"id":"p0000000002","kind":"person","visibility":"restricted",
      "body":{"name":{"zh":"赵六"}}})"));
  auto clean = store_->verify();
  ASSERT_TRUE(clean);
  EXPECT_TRUE(clean->ok());
  store_.reset();
  {
    auto db = Database::open(path_, false);
    ASSERT_TRUE(db);
    ASSERT_TRUE(
        db->exec("UPDATE search_text SET body = '秘密' WHERE rowid = 1; "
                 "INSERT INTO search_docs (id, kind, facets, generation) "
                 "VALUES ('p0000000002', 'person', '', 99)"));
  }
  open();
  auto report = store_->verify();
  ASSERT_TRUE(report);
  std::string all;
  for (const auto& p : report->problems) all += p + "\n";
  EXPECT_NE(all.find("record p0000000001: its search index entry differs"), std::string::npos)
      << all;
  EXPECT_NE(all.find("search index entry for p0000000002, which is not a public record"),
            std::string::npos)
      << all;
}

}  // namespace
}  // namespace jz::store
