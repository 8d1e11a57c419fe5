#include <gtest/gtest.h>

#include "search/snippet.hpp"

namespace jz::search {
namespace {

Query query(std::string_view text) {
  auto q = parse_query(text);
  EXPECT_TRUE(q) << q.status().message();
  return *q;
}

std::string marked(const std::vector<SnippetPart>& parts) {
  std::string out;
  for (const auto& p : parts) out += p.hit ? "[" + p.text + "]" : p.text;
  return out;
}

TEST(Snippet, MarksMatchesInTheTextsOwnScript) {
  EXPECT_EQ(marked(snippet("劉曉波是作家。", query("刘晓波"))), "[劉曉波]是作家。");
  EXPECT_EQ(marked(snippet("刘晓波是作家。", query("劉曉波"))), "[刘晓波]是作家。");
  EXPECT_EQ(marked(snippet("刘晓波与刘霞", query("霞"))), "刘晓波与刘[霞]");
  EXPECT_EQ(marked(snippet("Liu Xiaobo won", query("\"liu xiaobo\""))), "[Liu Xiaobo] won");
  EXPECT_EQ(marked(snippet("Liú Xiǎobō", query("liu"))), "[Liú] Xiǎobō");
}

TEST(Snippet, ExcludedTermsAreNotMarked) {
  EXPECT_EQ(marked(snippet("刘晓波 监视", query("刘晓波 -监视"))), "[刘晓波] 监视");
}

TEST(Snippet, LongTextsAreCutAroundTheFirstMatch) {
  std::string text(300, 'x');
  text += " 刘晓波 ";
  text += std::string(300, 'y');
  auto parts = snippet(text, query("刘晓波"), 60);
  ASSERT_GE(parts.size(), 3u);
  EXPECT_EQ(parts.front().text, "…");
  EXPECT_EQ(parts.back().text, "…");
  EXPECT_NE(marked(parts).find("[刘晓波]"), std::string::npos);
  EXPECT_TRUE(snippet("", query("a")).empty());
  EXPECT_EQ(marked(snippet("nothing here", query("刘"))), "nothing here");
}

}  // namespace
}  // namespace jz::search
