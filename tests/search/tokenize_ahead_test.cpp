// TokenizeAhead hands over, in order, exactly the terms tokenize() gives each column, for
// more documents than it has slots, and stops cleanly when the caller stops early.
#include "search/tokenize_ahead.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace jz::search {
namespace {

using Terms = std::vector<std::tuple<std::string, std::size_t, std::size_t>>;

Terms direct(std::string_view text) {
  Terms out;
  tokenize(text, TokenizeFor::kDocument,
           [&](std::string_view t, std::size_t a, std::size_t b, bool) {
             out.emplace_back(std::string(t), a, b);
             return true;
           });
  return out;
}

Terms held(const TokenizedText& text) {
  Terms out;
  for (std::size_t i = 0; i < text.size(); ++i)
    out.emplace_back(std::string(text[i].text), text[i].start, text[i].end);
  return out;
}

std::vector<SearchDocument> documents(int n) {
  std::vector<SearchDocument> docs(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    auto& d = docs[static_cast<std::size_t>(i)];
    d.id = "p" + std::to_string(i);
    d.names = i % 2 ? "劉曉波\nLiú Xiǎobō " + std::to_string(i) : "伊力哈木·土赫提";
    d.pinyin = "liu xiaobo";
    d.title = i % 5 ? "" : "案件" + std::to_string(i);
    d.body = std::string(static_cast<std::size_t>(i % 7), 'x') + "，人民检察院㍿Ｆｕｌｌ。";
  }
  return docs;
}

TEST(TokenizedText, HoldsWhatTokenizeGives) {
  for (std::string_view text :
       {"", "刘晓波", "伊力哈木 土赫提，Liú", "㍿ ＡＢＣ abc-def", "\xff\xfe"}) {
    TokenizedText t;
    t.tokenize("stale terms of another text", TokenizeFor::kDocument);
    t.tokenize(text, TokenizeFor::kDocument);
    EXPECT_EQ(t.source(), text);
    EXPECT_EQ(held(t), direct(text)) << text;
  }
}

TEST(TokenizeAhead, EveryDocumentInOrderPastTheSlots) {
  auto docs = documents(300);  // several times the slots the worker reuses
  TokenizeAhead ahead(docs);
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const auto& texts = ahead.texts(k);
    const std::string* columns[] = {&docs[k].names, &docs[k].pinyin, &docs[k].title, &docs[k].body};
    for (std::size_t c = 0; c < texts.size(); ++c) {
      EXPECT_EQ(texts[c].source().data(), columns[c]->data());
      EXPECT_EQ(held(texts[c]), direct(*columns[c])) << "document " << k << " column " << c;
    }
  }
}

TEST(TokenizeAhead, StopsWhenTheCallerStopsEarly) {
  auto docs = documents(500);
  for (std::size_t stop : {0u, 1u, 70u}) {
    TokenizeAhead ahead(docs);
    for (std::size_t k = 0; k < stop; ++k) ahead.texts(k);
  }  // each destructor must return: the worker waiting for a slot is released
  SUCCEED();
}

TEST(TokenizeAhead, AskingPastTheEndIsABrokenInvariant) {
  auto docs = documents(3);
  TokenizeAhead ahead(docs);
  EXPECT_THROW(ahead.texts(3), std::logic_error);
}

}  // namespace
}  // namespace jz::search
