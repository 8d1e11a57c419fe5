// core/utf8: validation with the place of the first bad byte, counting, and decoding one
// code point at a time (the search parser and the mirror's index use it).
#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace jz {
namespace {

std::vector<char32_t> decode_all(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) out.push_back(next_code_point(text, i));
  return out;
}

TEST(Utf8, DecodesEachLengthOfSequence) {
  EXPECT_EQ(decode_all("A\u00e9\u4e2d\U0001F600"),
            (std::vector<char32_t>{U'A', U'\u00e9', U'\u4e2d', U'\U0001F600'}));
  EXPECT_EQ(decode_all(""), std::vector<char32_t>{});
}

TEST(Utf8, ASequenceCutShortStopsAtTheEnd) {
  std::string cut = "\u4e2d";
  cut.pop_back();
  std::size_t i = 0;
  next_code_point(cut, i);
  EXPECT_EQ(i, cut.size());
}

TEST(Utf8, CountsAndValidates) {
  EXPECT_EQ(code_points("\u5218\u6653\u6ce2 Liu"), 7u);
  EXPECT_FALSE(first_invalid_utf8("\u5218\u6653\u6ce2"));
  EXPECT_EQ(first_invalid_utf8("ab\xff"), 2u);
}

}  // namespace
}  // namespace jz
