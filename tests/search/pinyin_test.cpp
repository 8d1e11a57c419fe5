#include <gtest/gtest.h>

#include "search/pinyin.hpp"

namespace jz::search {
namespace {

TEST(Pinyin, NamesInEitherScript) {
  EXPECT_EQ(name_pinyin("刘晓波"), "liu xiao bo");
  EXPECT_EQ(name_pinyin("劉曉波"), "liu xiao bo");
  EXPECT_EQ(name_pinyin("伊力哈木·土赫提"), "yi li ha mu tu he ti");
  EXPECT_EQ(name_pinyin("Liu Xiaobo"), "");
}

TEST(Pinyin, SurnamesReadAsSurnames) {
  EXPECT_EQ(name_pinyin("曾金燕"), "zeng jin yan");  // not ceng
  EXPECT_EQ(name_pinyin("单"), "shan");
  EXPECT_EQ(name_pinyin("解"), "xie");
  EXPECT_EQ(name_pinyin("王曾"), "wang ceng");  // only the first character is a surname
}

TEST(Pinyin, WordsSplitIntoSyllables) {
  using S = std::vector<std::vector<std::string>>;
  EXPECT_EQ(pinyin_splits("liuxiaobo", 1), (S{{"liu", "xiao", "bo"}}));
  EXPECT_EQ(pinyin_splits("xiaobo", 1), (S{{"xiao", "bo"}}));
  // The spelling rule first (xi'an would have its apostrophe), then what readers type.
  EXPECT_EQ(pinyin_splits("zhangxian", 2), (S{{"zhang", "xian"}, {"zhang", "xi", "an"}}));
  EXPECT_EQ(pinyin_splits("wangenping", 2), (S{{"wan", "gen", "ping"}, {"wang", "en", "ping"}}));
  EXPECT_TRUE(pinyin_splits("liu").empty());  // one syllable: already a term as it is
  EXPECT_TRUE(pinyin_splits("surveillance").empty());
  EXPECT_TRUE(pinyin_splits("Liu").empty());  // callers fold first
  // Many ways to split must not take exponential time.
  std::string a(40, 'a');
  EXPECT_LE(pinyin_splits(a + "x", 4).size(), 4u);
}

}  // namespace
}  // namespace jz::search
