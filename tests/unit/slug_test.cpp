#include "core/slug.hpp"

#include <gtest/gtest.h>

namespace jz {
namespace {

TEST(Slug, MakesReadableAsciiFromAnyScript) {
  EXPECT_EQ(make_slug("Liu Xiaobo"), "liu-xiaobo");
  EXPECT_EQ(make_slug("刘晓波"), "liu-xiao-bo");
  EXPECT_EQ(make_slug("劉曉波"), "liu-xiao-bo");
  EXPECT_EQ(make_slug("Ilham Tohti"), "ilham-tohti");
  EXPECT_EQ(make_slug("  Tang   Fuzhen!! "), "tang-fuzhen");
  EXPECT_EQ(make_slug("Café Ürümqi"), "cafe-urumqi");
  EXPECT_EQ(make_slug(""), "");
  EXPECT_EQ(make_slug("!!!"), "");
}

TEST(Slug, IsAtMostEightyCharacters) {
  std::string long_name(300, 'a');
  EXPECT_LE(make_slug(long_name).size(), 80u);
}

}  // namespace
}  // namespace jz

namespace jz {
namespace {

TEST(Slug, ReadsNamesWithSeparatorsAndBracketsAsWords) {
  EXPECT_EQ(make_slug("阿不都日衣木·黑伊特（AbdurehimHeyit）"),
            "a-bu-dou-ri-yi-mu-hei-yi-te-abdurehimheyit");
  EXPECT_EQ(make_slug("伊力哈木•土赫提"), "yi-li-ha-mu-tu-he-ti");
  EXPECT_EQ(make_slug("刘晓波案"), "liu-xiao-bo-an");
  EXPECT_EQ(make_slug("Case of 刘晓波"), "case-of-liu-xiao-bo");
}

}  // namespace
}  // namespace jz
