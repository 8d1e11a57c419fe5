// The tokenizer: (input, expected terms) for documents and for queries.
#include <gtest/gtest.h>

#include "search/tokenizer.hpp"

namespace jz::search {
namespace {

// Terms as "term" or "+term" for one at the same position as the one before (documents
// and queries no longer have any: the "+" would show one coming back).
std::vector<std::string> terms(std::string_view text, TokenizeFor mode) {
  std::vector<std::string> out;
  tokenize(text, mode, [&](std::string_view t, std::size_t, std::size_t, bool colocated) {
    out.push_back((colocated ? "+" : "") + std::string(t));
    return true;
  });
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, DocumentRunsAreBigramsAndTheirLastCharacter) {
  EXPECT_EQ(terms("刘晓波", TokenizeFor::kDocument), (V{"刘晓", "晓波", "波"}));
  EXPECT_EQ(terms("劉曉波", TokenizeFor::kDocument), (V{"刘晓", "晓波", "波"}));
  EXPECT_EQ(terms("晓波", TokenizeFor::kDocument), (V{"晓波", "波"}));
  EXPECT_EQ(terms("霞", TokenizeFor::kDocument), (V{"霞"}));
  EXPECT_EQ(terms("刘晓波，刘霞。霞", TokenizeFor::kDocument),
            (V{"刘晓", "晓波", "波", "刘霞", "霞", "霞"}));
  EXPECT_EQ(terms("㍿", TokenizeFor::kDocument), (V{"株式", "式会", "会社", "社"}));
}

TEST(Tokenizer, LatinWordsAndMixedText) {
  EXPECT_EQ(terms("Liu Xiaobo (刘晓波), 2008年", TokenizeFor::kDocument),
            (V{"liu", "xiaobo", "刘晓", "晓波", "波", "2008", "年"}));
  EXPECT_EQ(terms("Jean-Pierre", TokenizeFor::kDocument), (V{"jean", "pierre"}));
  EXPECT_EQ(terms("刘晓波 Liu 刘霞", TokenizeFor::kDocument),
            (V{"刘晓", "晓波", "波", "liu", "刘霞", "霞"}));
}

TEST(Tokenizer, NameDotsAndSpacesInsideARunJoinIt) {
  for (std::string_view text :
       {"木·土", "木土", "木 土", "木\u3000土", "木 · 土", "木  土", "木・土"})
    EXPECT_EQ(terms(text, TokenizeFor::kDocument), (V{"木土", "土"})) << text;
  EXPECT_EQ(terms("伊力哈木 土赫提", TokenizeFor::kDocument),
            terms("伊力哈木·土赫提", TokenizeFor::kDocument));
  EXPECT_EQ(terms("伊力哈木 土赫提", TokenizeFor::kQuery),
            (V{"伊力", "力哈", "哈木", "木土", "土赫", "赫提"}));
  // Around a run, a space or a dot is a break as before.
  EXPECT_EQ(terms("木 a", TokenizeFor::kDocument), (V{"木", "a"}));
  EXPECT_EQ(terms("a 木", TokenizeFor::kDocument), (V{"a", "木"}));
  EXPECT_EQ(terms("木 ", TokenizeFor::kDocument), (V{"木"}));
  EXPECT_EQ(terms("a-b", TokenizeFor::kDocument), (V{"a", "b"}));
}

TEST(Tokenizer, LineBreaksTabsAndPunctuationEndARun) {
  // The names field holds one name per line: no bigram across names.
  EXPECT_EQ(terms("刘晓波\n刘霞", TokenizeFor::kDocument), (V{"刘晓", "晓波", "波", "刘霞", "霞"}));
  EXPECT_EQ(terms("刘晓波 \n 刘霞", TokenizeFor::kDocument),
            (V{"刘晓", "晓波", "波", "刘霞", "霞"}));
  EXPECT_EQ(terms("木\r\n土", TokenizeFor::kDocument), (V{"木", "土"}));
  EXPECT_EQ(terms("木\t土", TokenizeFor::kDocument), (V{"木", "土"}));
  EXPECT_EQ(terms("木，土", TokenizeFor::kDocument), (V{"木", "土"}));
  EXPECT_EQ(terms("木\xFF土", TokenizeFor::kDocument), (V{"木", "土"}));  // not UTF-8
  EXPECT_EQ(terms("木\n土", TokenizeFor::kQuery), (V{"木", "土"}));
}

TEST(Tokenizer, QueryRunsAreBigramsSoAnyLengthMatchesExactly) {
  EXPECT_EQ(terms("霞", TokenizeFor::kQuery), (V{"霞"}));
  EXPECT_EQ(terms("晓波", TokenizeFor::kQuery), (V{"晓波"}));
  EXPECT_EQ(terms("刘晓波", TokenizeFor::kQuery), (V{"刘晓", "晓波"}));
  EXPECT_EQ(terms("伊力哈木·土赫提", TokenizeFor::kQuery),
            (V{"伊力", "力哈", "哈木", "木土", "土赫", "赫提"}));
  // The last character keeps the phrase aligned only when more terms follow.
  EXPECT_EQ(terms("刘晓波 demo", TokenizeFor::kQuery), (V{"刘晓", "晓波", "波", "demo"}));
  EXPECT_EQ(terms("刘晓波，刘霞", TokenizeFor::kQuery), (V{"刘晓", "晓波", "波", "刘霞"}));
  EXPECT_EQ(terms("刘，霞", TokenizeFor::kQuery), (V{"刘", "霞"}));
}

TEST(Tokenizer, EndsInLoneIdeographWhenTheLastRunHasOneCharacter) {
  for (std::string_view text : {"霞", "劉", "刘，霞", "刘晓波，霞", "刘晓波\n霞", "liu 霞", "霞。",
                                "霞·", " 霞 ", "刘\xFF霞", "ｶ", "㐀"})
    EXPECT_TRUE(ends_in_lone_ideograph(text)) << text;
  for (std::string_view text :
       {"", "刘晓波", "晓波", "霞 liu", "Liú", "liu", "2008", "，", "伊力哈木·土", "伊力哈木 土",
        "伊力哈木\u3000土", "刘晓波 霞", "霞 刘", "㍿"})
    EXPECT_FALSE(ends_in_lone_ideograph(text)) << text;
}

TEST(Tokenizer, EndsInLoneIdeographAgreesWithTheQueryTerms) {
  // True exactly when the last query term is one ideograph (3 bytes from U+3000 up, for
  // the texts here).
  for (std::string_view text : {"霞", "刘晓波", "刘晓波 霞", "霞 liu", "Liú", "伊力哈木·土",
                                "伊力哈木 土", "刘，霞", "刘晓波\n霞", "a1", "霞1"}) {
    auto t = terms(text, TokenizeFor::kQuery);
    bool lone =
        !t.empty() && t.back().size() == 3 && static_cast<unsigned char>(t.back()[0]) >= 0xE3;
    EXPECT_EQ(ends_in_lone_ideograph(text), lone) << text;
  }
}

TEST(Tokenizer, OffsetsPointAtTheOriginalText) {
  std::string text = "ＡＢ 劉曉";
  std::vector<std::string> spans;
  tokenize(text, TokenizeFor::kDocument, [&](std::string_view, std::size_t s, std::size_t e, bool) {
    spans.push_back(text.substr(s, e - s));
    return true;
  });
  EXPECT_EQ(spans, (V{"ＡＢ", "劉曉", "曉"}));
  text = "伊力·土";
  spans.clear();
  tokenize(text, TokenizeFor::kDocument, [&](std::string_view, std::size_t s, std::size_t e, bool) {
    spans.push_back(text.substr(s, e - s));
    return true;
  });
  EXPECT_EQ(spans, (V{"伊力", "力·土", "土"}));
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
