#include <gtest/gtest.h>

#include "search/query.hpp"

namespace jz::search {
namespace {

Query ok(std::string_view text) {
  auto q = parse_query(text);
  EXPECT_TRUE(q) << text << ": " << q.status().message();
  return q ? *q : Query{};
}

std::string error(std::string_view text) {
  auto q = parse_query(text);
  EXPECT_FALSE(q) << text;
  return q.status().message();
}

TEST(Query, WordsPhrasesExclusionsAndFields) {
  Query q = ok(R"(刘晓波 "liu xia" -surveillance name:晓波 province:新疆 year:2008-2012)");
  ASSERT_EQ(q.terms.size(), 4u);
  EXPECT_EQ(q.terms[0], (QueryTerm{"刘晓波", false, false, false}));
  EXPECT_EQ(q.terms[1], (QueryTerm{"liu xia", true, false, false}));
  EXPECT_EQ(q.terms[2], (QueryTerm{"surveillance", false, true, false}));
  EXPECT_EQ(q.terms[3], (QueryTerm{"晓波", false, false, true}));
  EXPECT_EQ(q.filters, (std::vector<FieldFilter>{{"province", "新疆"}, {"year", "2008-2012"}}));
}

TEST(Query, ChineseQuotesColonsAndSpaces) {
  Query q = ok("“刘 晓波”　「许志永」 name：霞");
  ASSERT_EQ(q.terms.size(), 3u);
  EXPECT_EQ(q.terms[0].text, "刘 晓波");
  EXPECT_TRUE(q.terms[0].phrase);
  EXPECT_EQ(q.terms[1].text, "许志永");
  EXPECT_TRUE(q.terms[2].names_only);
}

TEST(Query, HyphensInsideWordsAndUrlsAreText) {
  EXPECT_FALSE(ok("Jean-Pierre").terms[0].exclude);
  EXPECT_EQ(ok("https://example.org").terms[0].text, "https://example.org");
  EXPECT_TRUE(ok("province:tibet").terms.empty());  // filters alone are a query
  EXPECT_TRUE(ok("  ").empty());
  EXPECT_TRUE(ok("!!! 刘").terms.size() == 1);  // stray punctuation is dropped
}

TEST(Query, MistakesSayWhereAndWhatToDo) {
  EXPECT_NE(error("刘晓波 \"liu xia").find("character 5"), std::string::npos);
  EXPECT_NE(error("-surveillance").find("add a word"), std::string::npos);
  EXPECT_NE(error("刘 - 霞").find("leaves out nothing"), std::string::npos);
  EXPECT_NE(error("nmae:刘").find("unknown field \"nmae:\""), std::string::npos);
  EXPECT_NE(error("name:").find("needs a value"), std::string::npos);
  EXPECT_NE(error("\"!!!\"").find("nothing to search for"), std::string::npos);
  EXPECT_NE(error(std::string(2000, 'a')).find("too long"), std::string::npos);
  EXPECT_NE(error("-province:tibet 刘").find("not supported"), std::string::npos);
}

}  // namespace
}  // namespace jz::search
