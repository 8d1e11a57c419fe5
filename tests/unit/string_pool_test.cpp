// core/string_pool: each string kept once and named by one number, from any thread; lists of
// them give back what was put in and are equal only when their strings are.
#include "core/string_pool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace jz {
namespace {

std::vector<std::string> all_of(const PooledStrings& list) {
  return {list.begin(), list.end()};
}

TEST(StringPool, NamesTheSameBytesByTheSameNumber) {
  StringPool pool;
  const auto a = pool.intern("/en/");
  const auto b = pool.intern("r:p0000000nc2");
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.intern(std::string("/en/")), a);
  EXPECT_EQ(pool[a], "/en/");
  EXPECT_EQ(pool[b], "r:p0000000nc2");
  EXPECT_EQ(pool.find("r:p0000000nc2"), b);
  EXPECT_EQ(pool.find("r:p0000000nc3"), std::nullopt);
  const auto empty = pool.intern("");
  EXPECT_EQ(pool[empty], "");
  EXPECT_EQ(pool.size(), 3u);
}

TEST(StringPool, KeepsLongStringsAndManyShortOnesWhereTheyWere) {
  StringPool pool;
  const std::string long_one(3 << 20, 'x');  // larger than a block of short strings
  std::vector<StringPool::Id> ids;
  for (int i = 0; i < 200000; ++i) {  // several blocks, and more than one chunk of numbers
    ids.push_back(pool.intern("/en/persons/p" + std::to_string(i)));
    if (i == 1000) ids.push_back(pool.intern(long_one));
  }
  const std::string_view first = pool[ids[0]];
  EXPECT_EQ(pool[ids[1001]], long_one);
  for (int i = 0; i < 200000; ++i) {
    const auto id = ids[i <= 1000 ? i : i + 1];
    ASSERT_EQ(pool[id], "/en/persons/p" + std::to_string(i));
  }
  EXPECT_EQ(first.data(), pool[ids[0]].data());  // never moved
  EXPECT_EQ(pool.size(), 200001u);
}

TEST(StringPool, FindsEveryStringAfterItsTableGrewAndNoOther) {
  StringPool pool;
  std::vector<StringPool::Id> ids;
  for (int i = 0; i < 100000; ++i) ids.push_back(pool.intern("r:p" + std::to_string(i)));
  for (int i = 0; i < 100000; ++i) {
    const std::string s = "r:p" + std::to_string(i);
    ASSERT_EQ(pool.find(s), ids[i]) << s;
    ASSERT_EQ(pool.intern(s), ids[i]) << s;
    ASSERT_EQ(pool.find("r:q" + std::to_string(i)), std::nullopt);
  }
  EXPECT_EQ(pool.find(""), std::nullopt);
  EXPECT_EQ(pool.size(), 100000u);
}

TEST(StringPool, ThreadsInterningTheSameStringsGetTheSameNumbers) {
  // More strings than two chunks of numbers hold, each thread in its own order, reading back
  // what it got while the others add.
  constexpr std::size_t kStrings = 140000;
  StringPool pool;
  const std::size_t strides[] = {1, 3, 11, 13};  // coprime with kStrings: every string once
  std::vector<std::vector<StringPool::Id>> seen(4, std::vector<StringPool::Id>(kStrings));
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (std::size_t n = 0; n < kStrings; ++n) {
        const std::size_t i = n * strides[t] % kStrings;
        const auto id = pool.intern("k:" + std::to_string(i));
        seen[t][i] = id;
        const std::size_t back = n / 2 * strides[t] % kStrings;  // interned before, here
        wrong[t] += pool[id] != "k:" + std::to_string(i) ||
                    pool[seen[t][back]] != "k:" + std::to_string(back);
      }
    });
  for (auto& t : threads) t.join();
  for (std::size_t t = 0; t < seen.size(); ++t) {
    EXPECT_EQ(wrong[t], 0) << t;
    EXPECT_EQ(seen[t], seen[0]) << t;
  }
  EXPECT_EQ(pool.size(), kStrings);
  for (std::size_t i = 0; i < kStrings; i += 997)
    EXPECT_EQ(pool[seen[0][i]], "k:" + std::to_string(i));
}

TEST(PooledStrings, GivesBackEachStringInOrderEmptyOnesToo) {
  StringPool pool;
  const std::vector<std::string> items{"/en/",           "",     "r:p0000000nc2",
                                       "a\\b\nc\td,e f", "中文", "/en/"};
  PooledStrings list(pool, items);
  EXPECT_EQ(list.size(), items.size());
  EXPECT_FALSE(list.empty());
  EXPECT_EQ(all_of(list), items);
  EXPECT_EQ(list[1], "");
  EXPECT_EQ(list[4], "中文");
  EXPECT_EQ(list.ids()[0], list.ids()[5]);
  EXPECT_EQ(pool.size(), 5u);
  EXPECT_TRUE(PooledStrings().empty());
  EXPECT_EQ(all_of(PooledStrings()), std::vector<std::string>{});
}

TEST(PooledStrings, EqualOnlyWithTheSameStringsInAnyPool) {
  StringPool pool, other;
  other.intern("z");  // the same strings have other numbers there
  PooledStrings ab(pool, {"a", "b"});
  EXPECT_NE(ab.ids(), PooledStrings(other, {"a", "b"}).ids());
  EXPECT_EQ(ab, PooledStrings(pool, {"a", "b"}));
  EXPECT_EQ(ab, PooledStrings(other, {"a", "b"}));
  EXPECT_EQ(PooledStrings(pool, {"c", "a"}), PooledStrings(other, {"c", "a"}));
  EXPECT_NE(ab, PooledStrings(pool, {"ab"}));
  EXPECT_NE(ab, PooledStrings(pool, {"a", "b", ""}));
  EXPECT_NE(ab, PooledStrings(other, {"b", "a"}));
  EXPECT_EQ(PooledStrings(), PooledStrings(pool, std::vector<std::string>{}));
}

TEST(PooledStrings, OfNumbersThePoolGaveIsThoseStrings) {
  StringPool pool;
  const auto a = pool.intern("a"), b = pool.intern("b");
  const auto list = PooledStrings::of_ids(pool, {b, a, b});
  EXPECT_EQ(list, PooledStrings(pool, {"b", "a", "b"}));
  EXPECT_EQ(list.pool(), &pool);
}

TEST(PooledStrings, ASortedListIsSearchedLikeAVector) {
  StringPool pool;
  PooledStrings keys(pool, {"k:person", "r:p1", "r:p2", "u:*"});
  EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), std::string_view("r:p2")));
  EXPECT_FALSE(std::binary_search(keys.begin(), keys.end(), std::string_view("r:p3")));
  EXPECT_EQ(std::distance(keys.begin(), keys.end()), 4);
}

TEST(PooledString, IsItsStringAndComparesAsIt) {
  StringPool pool;
  PooledString file(pool, "en/persons/p1.html");
  EXPECT_EQ(file.view(), "en/persons/p1.html");
  EXPECT_EQ(file, std::string_view("en/persons/p1.html"));
  EXPECT_EQ(file.str(), "en/persons/p1.html");
  EXPECT_EQ(file, PooledString(pool, "en/persons/p1.html"));
  EXPECT_EQ(file.id(), PooledString(pool, "en/persons/p1.html").id());
  EXPECT_FALSE(file == std::string_view("en/persons/p2.html"));
  EXPECT_EQ(PooledString().view(), "");
}

}  // namespace
}  // namespace jz
