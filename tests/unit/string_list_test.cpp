// core/string_list: many strings in one buffer give back what was put in, in order, and two
// lists are equal only when their strings are.
#include "core/string_list.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace jz {
namespace {

std::vector<std::string> all_of(const StringList& list) {
  return {list.begin(), list.end()};
}

TEST(StringList, GivesBackEachStringInOrderEmptyOnesToo) {
  const std::vector<std::string> items{"/en/", "", "r:p0000000nc2", "a\\b\nc\td,e f", "中文"};
  StringList list(items);
  EXPECT_EQ(list.size(), items.size());
  EXPECT_FALSE(list.empty());
  EXPECT_EQ(all_of(list), items);
  EXPECT_EQ(list[1], "");
  EXPECT_EQ(list[4], "中文");
  EXPECT_TRUE(StringList().empty());
  EXPECT_EQ(all_of(StringList()), std::vector<std::string>{});
}

TEST(StringList, EqualOnlyWithTheSameStringsCutTheSameWay) {
  StringList ab{"a", "b"};
  EXPECT_EQ(ab, (StringList{"a", "b"}));
  EXPECT_NE(ab, (StringList{"ab"}));  // the same bytes, cut elsewhere
  EXPECT_NE(ab, (StringList{"a", "b", ""}));
  EXPECT_NE(ab, (StringList{"b", "a"}));
  StringList grown{"a"};
  grown.push_back("b");
  EXPECT_EQ(grown, ab);
}

TEST(StringList, ASortedListIsSearchedLikeAVector) {
  StringList keys{"k:person", "r:p1", "r:p2", "u:*"};
  EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), std::string_view("r:p2")));
  EXPECT_FALSE(std::binary_search(keys.begin(), keys.end(), std::string_view("r:p3")));
  EXPECT_EQ(std::distance(keys.begin(), keys.end()), 4);
}

}  // namespace
}  // namespace jz
