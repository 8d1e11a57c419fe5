// The contract every SearchIndex engine passes: add an engine to Engines() below and these
// tests run on it too.
#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "search/pinyin.hpp"
#include "search/search_index.hpp"
#include "store/fts5_search_index.hpp"

namespace jz::search {
namespace {

// An engine under test and whatever must outlive it.
struct Engine {
  std::shared_ptr<void> owner;
  std::unique_ptr<SearchIndex> index;
};

struct NamedFactory {
  std::string name;
  std::function<Engine()> make;
};

Engine fts5_in_memory() {
  auto db = store::Database::open(":memory:", true);
  EXPECT_TRUE(db) << db.status().message();
  auto owner = std::make_shared<store::Database>(std::move(*db));
  EXPECT_TRUE(owner->exec(store::kSearchSchemaSql));
  auto index = store::open_fts5_search_index(*owner);
  EXPECT_TRUE(index) << index.status().message();
  return {owner, std::move(*index)};
}

std::vector<NamedFactory> Engines() {
  return {{"fts5", fts5_in_memory}};
}

SearchDocument doc(std::string id, std::string kind, std::string names, std::string title,
                   std::string body, std::vector<Facet> facets = {}) {
  SearchDocument d;
  d.id = std::move(id);
  d.kind = std::move(kind);
  d.pinyin = name_pinyin(names);
  d.names = std::move(names);
  d.title = std::move(title);
  d.body = std::move(body);
  d.facets = std::move(facets);
  return d;
}

class Contract : public ::testing::TestWithParam<NamedFactory> {
 protected:
  void SetUp() override {
    engine_ = GetParam().make();
    ASSERT_TRUE(engine_.index);
    put(doc("p1", "person", "刘晓波\nLiu Xiaobo", "", "作家，诺贝尔和平奖得主。",
            {{"status", "deceased"}, {"province", "jilin"}, {"year", "2008"}, {"year", "2009"}}));
    put(doc("p2", "person", "刘霞", "", "诗人，刘晓波的妻子，长期被软禁。",
            {{"status", "released"}, {"province", "beijing"}, {"year", "2010"}}));
    put(doc("c1", "case", "", "刘晓波被监禁案", "以煽动颠覆国家政权罪判处十一年。",
            {{"status", "sentenced"}, {"year", "2009"}}));
    put(doc("p3", "person", "伊力哈木·土赫提\nIlham Tohti", "", "维吾尔族经济学家。",
            {{"status", "serving_sentence"}, {"province", "xinjiang"}}));
  }
  void put(const SearchDocument& d) {
    Status s = engine_.index->put(d);
    ASSERT_TRUE(s) << s.message();
  }
  std::vector<std::string> ids(std::string_view text, std::vector<Facet> filters = {}, int from = 0,
                               int to = 0) {
    auto q = parse_query(text);
    EXPECT_TRUE(q) << q.status().message();
    SearchRequest r;
    r.query = *q;
    r.filters = std::move(filters);
    r.year_from = from;
    r.year_to = to;
    auto result = engine_.index->search(r);
    EXPECT_TRUE(result) << result.status().message();
    std::vector<std::string> out;
    for (const auto& h : result->hits) out.push_back(h.id);
    EXPECT_EQ(result->total, static_cast<std::int64_t>(out.size()));
    return out;
  }
  Engine engine_;
};

using V = std::vector<std::string>;

TEST_P(Contract, EveryScriptAndPinyinFindsTheName) {
  for (const char* q : {"刘晓波", "劉曉波", "liu xiaobo", "liuxiaobo", "Liú Xiǎobō", "LIU XIAOBO",
                        "\"liu xiao bo\"", "name:晓波"}) {
    auto found = ids(q);
    ASSERT_FALSE(found.empty()) << q;
    EXPECT_EQ(found[0], "p1") << q;  // the name ranks above the case title and body text
  }
}

TEST_P(Contract, OneAndTwoCharacterQueriesMatchExactly) {
  EXPECT_EQ(ids("霞"), (V{"p2"}));
  EXPECT_EQ(ids("晓波").size(), 3u);
  EXPECT_EQ(ids("波刘"), V{});        // the characters, but not in this order
  EXPECT_EQ(ids("木土"), (V{"p3"}));  // across the name dot
  EXPECT_EQ(ids("伊力哈木土赫提"), (V{"p3"}));
  EXPECT_EQ(ids("ilham tohti"), (V{"p3"}));
}

TEST_P(Contract, PhrasesExclusionsAndNamesOnly) {
  EXPECT_EQ(ids("\"刘晓波的妻子\""), (V{"p2"}));
  EXPECT_EQ(ids("\"刘晓波 妻子\""), V{});  // not adjacent
  auto no_case = ids("刘晓波 -监禁");
  EXPECT_EQ(std::count(no_case.begin(), no_case.end(), "c1"), 0);
  EXPECT_EQ(ids("name:刘晓波"), (V{"p1"}));  // not p2, whose body names him
  EXPECT_EQ(ids("刘霞 -软禁"), V{});         // her name matches, the excluded word is in the body
}

TEST_P(Contract, FiltersAndYears) {
  EXPECT_EQ(ids("刘晓波", {{"kind", "case"}}), (V{"c1"}));
  EXPECT_EQ(ids("刘", {{"province", "beijing"}}), (V{"p2"}));
  EXPECT_EQ(ids("", {{"status", "serving_sentence"}}), (V{"p3"}));
  auto in_2009 = ids("刘", {}, 2009, 2009);
  std::sort(in_2009.begin(), in_2009.end());
  EXPECT_EQ(in_2009, (V{"c1", "p1"}));
  EXPECT_EQ(ids("刘", {}, 2010, 0), (V{"p2"}));
}

TEST_P(Contract, FacetCountsCoverEveryMatch) {
  SearchRequest r;
  r.query = *parse_query("刘");
  r.limit = 1;
  auto result = engine_.index->search(r);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->total, 3);
  EXPECT_EQ(result->hits.size(), 1u);
  std::int64_t persons = 0, year_2009 = 0;
  for (const auto& f : result->facets) {
    if (f.name == "kind" && f.value == "person") persons = f.count;
    if (f.name == "year" && f.value == "2009") year_2009 += f.count;
  }
  EXPECT_EQ(persons, 2);
  EXPECT_EQ(year_2009, 2);
}

TEST_P(Contract, ReplaceAndRemove) {
  put(doc("p2", "person", "刘霞", "", "摄影师。"));
  EXPECT_EQ(ids("诗人"), V{});
  EXPECT_EQ(ids("摄影师"), (V{"p2"}));
  ASSERT_TRUE(engine_.index->remove("p2"));
  EXPECT_EQ(ids("霞"), V{});
  EXPECT_TRUE(engine_.index->remove("nothing-here"));
}

TEST_P(Contract, PagingKeepsTheTotal) {
  for (int i = 0; i < 30; ++i) put(doc("x" + std::to_string(i), "source", "", "报告", "正文"));
  SearchRequest r;
  r.query = *parse_query("报告");
  r.limit = 7;
  r.offset = 28;
  auto result = engine_.index->search(r);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->total, 30);
  EXPECT_EQ(result->hits.size(), 2u);
}

TEST_P(Contract, PutManyIsPutOfEachInOrder) {
  // Enough documents for FTS5's put_many to tokenize on its second thread, in every script,
  // with one document given twice (the later wins) and one replaced that was put before.
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 100; ++i)
    docs.push_back(doc("m" + std::to_string(i), "person",
                       i % 2 ? "张" + std::to_string(i) + "明\nZhang Ming" : "伊力哈木·土赫提",
                       i % 3 ? "" : "劉曉波案", "第" + std::to_string(i) + "号，Ａｂｃ。"));
  docs[40] = doc("p2", "person", "刘霞", "", "摄影师。");
  docs[99] = doc("m7", "person", "王五", "", "最后一次。");
  ASSERT_TRUE(engine_.index->put_many(docs));
  EXPECT_EQ(ids("诗人"), V{});
  EXPECT_EQ(ids("摄影师"), (V{"p2"}));
  EXPECT_EQ(ids("最后一次"), (V{"m7"}));
  EXPECT_EQ(ids("第7号"), V{});
  EXPECT_EQ(ids("第8号"), (V{"m8"}));
  auto total = [&](std::string_view text) {
    SearchRequest r;
    r.query = *parse_query(text);
    auto result = engine_.index->search(r);
    EXPECT_TRUE(result) << result.status().message();
    return result ? result->total : -1;
  };
  // m40 never was (docs[40] is p2); m7 is 王五 now; m99 never was (docs[99] is m7).
  EXPECT_EQ(total("刘晓波案"), 33);     // titles of i % 3 == 0, Traditional folded
  EXPECT_EQ(total("abc"), 97);          // i < 99 but 7 and 40
  EXPECT_EQ(total("zhang ming"), 48);   // odd i < 99 but 7
  EXPECT_EQ(total("name:土赫提"), 50);  // even i but 40, and p3
}

INSTANTIATE_TEST_SUITE_P(Engines, Contract, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace jz::search
