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

TEST(Snippet, OneCharacterMarksThatCharacterWhereverItIs) {
  // Documents hold 霞 alone only where it ends a run; elsewhere it starts a bigram (霞是),
  // which a one-character query matches as a prefix, marking the one character.
  EXPECT_EQ(marked(snippet("刘霞是诗人", query("霞"))), "刘[霞]是诗人");
  EXPECT_EQ(marked(snippet("霞光，刘霞。霞", query("霞"))), "[霞]光，刘[霞]。[霞]");
  EXPECT_EQ(marked(snippet("刘晓波与刘霞", query("刘"))), "[刘]晓波与[刘]霞");
  EXPECT_EQ(marked(snippet("刘晓波与刘霞", query("波"))), "刘晓[波]与刘霞");
  EXPECT_EQ(marked(snippet("劉霞與劉曉波", query("刘"))), "[劉]霞與[劉]曉波");
  EXPECT_EQ(marked(snippet("劉霞與劉曉波", query("曉"))), "劉霞與劉[曉]波");
  EXPECT_EQ(marked(snippet("霞·光 霞 光", query("霞"))), "[霞]·光 [霞] 光");
  EXPECT_EQ(marked(snippet("name:霞 a霞a", query("name:霞"))), "name:[霞] a[霞]a");
  EXPECT_EQ(marked(snippet("刘晓波", query("霞"))), "刘晓波");
  // A phrase whose last run is one character: the rest exactly, that character as a prefix.
  EXPECT_EQ(marked(snippet("刘，霞光。刘霞光", query("「刘，霞」"))), "[刘，霞]光。刘霞光");
  EXPECT_EQ(marked(snippet("刘晓波\n霞光", query("\"刘晓波，霞\""))), "[刘晓波\n霞]光");
  // A lone character followed by more terms matches only where it ends a run, as in the
  // engine.
  EXPECT_EQ(marked(snippet("霞 liu, 霞光 liu", query("\"霞 liu\""))), "[霞 liu], 霞光 liu");
}

TEST(Snippet, SpacesAndNameDotsInsideANameAreTheSameRun) {
  EXPECT_EQ(marked(snippet("伊力哈木·土赫提", query("\"伊力哈木 土赫提\""))), "[伊力哈木·土赫提]");
  EXPECT_EQ(marked(snippet("伊力哈木土赫提", query("\"伊力哈木 土赫提\""))), "[伊力哈木土赫提]");
  EXPECT_EQ(marked(snippet("伊力哈木 土赫提", query("伊力哈木·土赫提"))), "[伊力哈木 土赫提]");
  EXPECT_EQ(marked(snippet("伊力哈木 土赫提", query("木土"))), "伊力哈[木 土]赫提");
  // Two names on separate lines are not one run.
  EXPECT_EQ(marked(snippet("伊力哈木\n土赫提", query("木土"))), "伊力哈木\n土赫提");
  // Punctuation in a phrase must be a break in the text too.
  EXPECT_EQ(marked(snippet("刘晓波诺贝尔", query("\"刘晓波，诺贝尔\""))), "刘晓波诺贝尔");
  EXPECT_EQ(marked(snippet("刘晓波，诺贝尔", query("\"刘晓波，诺贝尔\""))), "[刘晓波，诺贝尔]");
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
