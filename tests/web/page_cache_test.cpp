#include "web/page_cache.hpp"

#include <gtest/gtest.h>

namespace jz::web {
namespace {

std::shared_ptr<const http::Response> page(std::string body) {
  http::Response r;
  r.body = std::move(body);
  finish_for_cache(r);
  return std::make_shared<const http::Response>(std::move(r));
}

TEST(PageCache, AHitNeedsTheSameGeneration) {
  PageCache cache;
  cache.put("/en/", 7, page("seven"));
  ASSERT_NE(cache.find("/en/", 7), nullptr);
  EXPECT_EQ(cache.find("/en/", 7)->body, "seven");
  EXPECT_EQ(cache.find("/en/", 8), nullptr) << "a write since rendering makes it stale";
  EXPECT_EQ(cache.find("/zh-hans/", 7), nullptr);
  cache.put("/en/", 8, page("eight"));
  EXPECT_EQ(cache.find("/en/", 8)->body, "eight");
}

TEST(PageCache, StaysWithinItsSize) {
  PageCache cache(4096);
  for (int i = 0; i < 100; ++i) cache.put("/p" + std::to_string(i), 1, page(std::string(300, 'x')));
  int kept = 0;
  for (int i = 0; i < 100; ++i) kept += cache.find("/p" + std::to_string(i), 1) != nullptr;
  EXPECT_GT(kept, 0);
  EXPECT_LT(kept, 10);
}

TEST(FinishForCache, StrongETagFollowsTheBodyAndTextIsGzipped) {
  auto a = page(std::string(2000, 'a'));
  auto b = page(std::string(2000, 'a'));
  auto c = page(std::string(2000, 'b'));
  auto etag = [](const http::Response& r) {
    for (const auto& [k, v] : r.headers)
      if (k == "ETag") return v;
    return std::string();
  };
  EXPECT_EQ(etag(*a), etag(*b));
  EXPECT_NE(etag(*a), etag(*c));
  EXPECT_EQ(etag(*a).front(), '"');
  EXPECT_FALSE(a->gzip_body.empty());
  EXPECT_LT(a->gzip_body.size(), a->body.size());
}

}  // namespace
}  // namespace jz::web
