// FTS5's put_many (terms tokenized on a second thread and replayed) writes exactly the index
// that put() of each writes, term by term and position by position.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/pinyin.hpp"
#include "store/fts5_search_index.hpp"
#include "store/fts5_tokenizer.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {
namespace {

struct Index {
  Database db;
  std::unique_ptr<search::SearchIndex> engine;
};

Index open_index() {
  auto db = Database::open(":memory:", true);
  EXPECT_TRUE(db) << db.status().message();
  EXPECT_TRUE(db->exec(kSearchSchemaSql));
  EXPECT_TRUE(
      db->exec("CREATE VIRTUAL TABLE text_terms USING fts5vocab(search_text, instance);"
               "CREATE VIRTUAL TABLE head_terms USING fts5vocab(search_head, instance);"));
  Index index{std::move(*db), nullptr};
  auto engine = open_fts5_search_index(index.db);
  EXPECT_TRUE(engine) << engine.status().message();
  index.engine = std::move(*engine);
  return index;
}

// Every (term, row, column, position) of both FTS5 tables, in order.
std::vector<std::string> instances(Database& db) {
  std::vector<std::string> out;
  for (const char* table : {"text_terms", "head_terms"}) {
    auto q = db.prepare(std::string("SELECT term, doc, col, offset FROM ") + table +
                        " ORDER BY term, doc, col, offset");
    EXPECT_TRUE(q) << q.status().message();
    Status s;
    while (q->step(&s))
      out.push_back(std::string(table) + " " + q->text(0) + " " + std::to_string(q->integer(1)) +
                    " " + q->text(2) + " " + std::to_string(q->integer(3)));
    EXPECT_TRUE(s) << s.message();
  }
  return out;
}

std::vector<search::SearchDocument> documents() {
  const char* names[] = {"劉曉波\nLiu Xiaobo", "伊力哈木·土赫提", "", "王 五",
                         "Ｚｈａｎｇ Ｍｉｎｇ"};
  const char* bodies[] = {"人民检察院应当在七日以内作出决定。", "Detained since 2014; 羈押。", "",
                          "㍿ and ﬁnal Liú"};
  std::vector<search::SearchDocument> docs;
  for (int i = 0; i < 300; ++i) {
    search::SearchDocument d;
    d.id = "d" + std::to_string(i % 250);  // the last 50 replace earlier ones
    d.kind = i % 4 ? "person" : "case";
    d.names = names[i % 5];
    d.pinyin = search::name_pinyin(d.names);
    d.title = i % 4 ? "" : d.names;  // the same text in two columns
    d.body = std::string(bodies[i % 4]) + std::to_string(i);
    docs.push_back(std::move(d));
  }
  return docs;
}

TEST(Fts5PutMany, WritesTheSameTermsAsPutOfEach) {
  auto docs = documents();
  Index one_by_one = open_index(), together = open_index();
  for (const auto& d : docs) ASSERT_TRUE(one_by_one.engine->put(d));
  ASSERT_TRUE(together.engine->put_many(docs));
  auto expected = instances(one_by_one.db);
  EXPECT_GT(expected.size(), 5000u);
  EXPECT_EQ(instances(together.db), expected);
}

TEST(Fts5PutMany, HeldTermsAreUsedForAnEqualTextOnly) {
  Index index = open_index();
  // Held terms that tokenizing the document would not give (a query has no lone 乙 after
  // 甲乙), so the index shows which were used.
  search::TokenizedText held;
  held.tokenize("甲乙", search::TokenizeFor::kQuery);
  {
    ReplayTerms replay(std::span(&held, 1));
    ASSERT_TRUE(
        index.db.exec("INSERT INTO search_text (rowid, names, body) VALUES (1, '甲乙', '丙丁')"));
  }
  ASSERT_TRUE(index.db.exec(
      "INSERT INTO search_text (rowid, names, body) VALUES (2, '甲乙', '')"));  // none held
  EXPECT_EQ(instances(index.db),
            (std::vector<std::string>{"text_terms 丁 1 body 1", "text_terms 丙丁 1 body 0",
                                      "text_terms 乙 2 names 1", "text_terms 甲乙 1 names 0",
                                      "text_terms 甲乙 2 names 0"}));
}

}  // namespace
}  // namespace jz::store
