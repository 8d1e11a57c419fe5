#include "http/gzip.hpp"

#include <gtest/gtest.h>

#include <string>

#include "gunzip.hpp"
#include "http/negotiate.hpp"

namespace jz::http {
namespace {

std::string sample_page() {
  std::string page = "<!doctype html><title>见证</title>";
  for (int i = 0; i < 200; ++i) page += "<li>案件 " + std::to_string(i) + " — case record</li>\n";
  return page;
}

TEST(Gzip, RoundTrips) {
  std::string page = sample_page();
  std::string packed = gzip(page);
  EXPECT_LT(packed.size(), page.size() / 4);
  EXPECT_EQ(test::gunzip(packed), page);
}

TEST(Gzip, EmptyInputIsAValidGzipStream) {
  std::string packed = gzip("");
  EXPECT_FALSE(packed.empty());
  EXPECT_EQ(test::gunzip(packed), "");
}

TEST(Gzip, BinaryInputRoundTrips) {
  std::string bytes;
  for (int i = 0; i < 70000; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  EXPECT_EQ(test::gunzip(gzip(bytes)), bytes);
}

TEST(Gzip, IsDeterministic) {
  std::string page = sample_page();
  EXPECT_EQ(gzip(page), gzip(page));
  EXPECT_EQ(gzip(std::string(page)), gzip(page));
}

TEST(Gzip, HeaderHasNoTimestampOrName) {
  std::string packed = gzip("hello");
  ASSERT_GE(packed.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_EQ(packed[2], 8);  // deflate
  EXPECT_EQ(packed[3], 0);  // FLG: no name, comment, extra field or header CRC
  EXPECT_EQ(packed.substr(4, 4), std::string(4, '\0'));  // MTIME 0
}

TEST(Gzip, EveryLevelRoundTripsAndOutOfRangeIsClamped) {
  std::string page = sample_page();
  for (int level : {-5, 0, 1, detail::kOnTheFlyLevel, 9, 42}) {
    EXPECT_EQ(test::gunzip(detail::gzip_at_level(page, level)), page) << level;
  }
  EXPECT_EQ(detail::gzip_at_level(page, 42), gzip(page));
}

}  // namespace
}  // namespace jz::http
