#include "http/path_decode.hpp"

#include <gtest/gtest.h>

namespace jz::http::detail {
namespace {

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(percent_decode("/a%20b%2Fc", false), "/a b/c");
  EXPECT_EQ(percent_decode("%e6%9D%8e", false), "\xE6\x9D\x8E");
}

TEST(PercentDecode, PlusIsSpaceOnlyInQueries) {
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a%2Bb", true), "a+b");
}

TEST(PercentDecode, RejectsMalformedAndNul) {
  for (const char* bad : {"%", "%2", "%zz", "%2g", "a%00b"}) {
    EXPECT_FALSE(percent_decode(bad, false)) << bad;
  }
  EXPECT_FALSE(percent_decode(std::string_view("a\0b", 3), false));
}

TEST(DecodeTarget, SplitsPathAndQuery) {
  auto t = decode_target("/cases/%E6%9D%8E?q=a+b&tag=x&tag=y&flag&&=v");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/cases/\xE6\x9D\x8E");
  EXPECT_EQ(t->query.count("tag"), 2u);
  EXPECT_EQ(t->query.find("q")->second, "a b");
  EXPECT_EQ(t->query.find("flag")->second, "");
  EXPECT_EQ(t->query.find("")->second, "v");
}

TEST(DecodeTarget, RejectsDotDotAfterDecoding) {
  for (const char* bad : {"/..", "/../x", "/a/..", "/a/../b", "/a/%2e%2E/b", "/a%2f..%2fb"}) {
    EXPECT_FALSE(decode_target(bad)) << bad;
  }
  for (const char* ok : {"/a..b", "/...", "/a/.hidden", "/a/./b"}) {
    EXPECT_TRUE(decode_target(ok)) << ok;
  }
}

TEST(DecodeTarget, RejectsNonOriginForm) {
  for (const char* bad : {"", "*", "http://example.com/", "a/b"}) {
    EXPECT_FALSE(decode_target(bad)) << bad;
  }
}

TEST(DecodeTarget, DotDotInQueryIsFine) {
  auto t = decode_target("/search?q=..");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->query.find("q")->second, "..");
}

}  // namespace
}  // namespace jz::http::detail
