// The tokenizer: (input, expected terms) for documents and for queries.
#include <gtest/gtest.h>

#include "search/tokenizer.hpp"

namespace jz::search {
namespace {

// Terms as "term" or "+term" for one at the same position as the one before.
std::vector<std::string> terms(std::string_view text, TokenizeFor mode) {
  std::vector<std::string> out;
  tokenize(text, mode, [&](std::string_view t, std::size_t, std::size_t, bool colocated) {
    out.push_back((colocated ? "+" : "") + std::string(t));
    return true;
  });
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, DocumentRunsAreUnigramsWithBigramsAtTheSamePosition) {
  EXPECT_EQ(terms("刘晓波", TokenizeFor::kDocument), (V{"刘", "+刘晓", "晓", "+晓波", "波"}));
  EXPECT_EQ(terms("劉曉波", TokenizeFor::kDocument), (V{"刘", "+刘晓", "晓", "+晓波", "波"}));
  EXPECT_EQ(terms("霞", TokenizeFor::kDocument), (V{"霞"}));
}

TEST(Tokenizer, LatinWordsAndMixedText) {
  EXPECT_EQ(terms("Liu Xiaobo (刘晓波), 2008年", TokenizeFor::kDocument),
            (V{"liu", "xiaobo", "刘", "+刘晓", "晓", "+晓波", "波", "2008", "年"}));
  EXPECT_EQ(terms("Jean-Pierre", TokenizeFor::kDocument), (V{"jean", "pierre"}));
}

TEST(Tokenizer, NameDotsInsideARunAreSkipped) {
  EXPECT_EQ(terms("木·土", TokenizeFor::kDocument), (V{"木", "+木土", "土"}));
  EXPECT_EQ(terms("木 土", TokenizeFor::kDocument), (V{"木", "土"}));
}

TEST(Tokenizer, QueryRunsAreBigramsSoAnyLengthMatchesExactly) {
  EXPECT_EQ(terms("霞", TokenizeFor::kQuery), (V{"霞"}));
  EXPECT_EQ(terms("晓波", TokenizeFor::kQuery), (V{"晓波"}));
  EXPECT_EQ(terms("刘晓波", TokenizeFor::kQuery), (V{"刘晓", "晓波"}));
  EXPECT_EQ(terms("伊力哈木·土赫提", TokenizeFor::kQuery),
            (V{"伊力", "力哈", "哈木", "木土", "土赫", "赫提"}));
  // The last character keeps the phrase aligned only when more terms follow.
  EXPECT_EQ(terms("刘晓波 demo", TokenizeFor::kQuery), (V{"刘晓", "晓波", "波", "demo"}));
}

TEST(Tokenizer, OffsetsPointAtTheOriginalText) {
  std::string text = "ＡＢ 劉曉";
  std::vector<std::string> spans;
  tokenize(text, TokenizeFor::kDocument, [&](std::string_view, std::size_t s, std::size_t e, bool) {
    spans.push_back(text.substr(s, e - s));
    return true;
  });
  EXPECT_EQ(spans, (V{"ＡＢ", "劉", "劉曉", "曉"}));
}

TEST(Tokenizer, StopsWhenTheSinkSaysSo) {
  int calls = 0;
  EXPECT_FALSE(
      tokenize("a b c", TokenizeFor::kDocument,
               [&](std::string_view, std::size_t, std::size_t, bool) { return ++calls < 2; }));
  EXPECT_EQ(calls, 2);
}

TEST(Tokenizer, HugeWordsAreCutAndGarbageIsSurvived) {
  std::string long_word(1000, 'a');
  auto t = terms(long_word, TokenizeFor::kDocument);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].size(), 64u);
  std::string garbage;
  for (int i = 0; i < 256; ++i) garbage += static_cast<char>(i);
  terms(garbage, TokenizeFor::kDocument);  // no crash, no sanitizer report
}

}  // namespace
}  // namespace jz::search
