#include <gtest/gtest.h>

#include "http/request.hpp"
#include "http/response.hpp"

namespace jz::http {
namespace {

TEST(Request, HeaderLookupIsCaseInsensitiveAndEmptyWhenAbsent) {
  Request r;
  r.headers = {{"content-type", "text/plain"}, {"x-a", "1"}, {"x-a", "2"}};
  EXPECT_EQ(r.header("Content-Type"), "text/plain");
  EXPECT_EQ(r.header("x-a"), "1");
  EXPECT_EQ(r.header("missing"), "");
}

TEST(Request, ParamReturnsFirstValueOrEmpty) {
  Request r;
  r.query = {{"q", "li"}, {"tag", "a"}};
  EXPECT_EQ(r.param("q"), "li");
  EXPECT_EQ(r.param("nope"), "");
}

TEST(Response, Defaults) {
  Response r;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
}

TEST(Response, TextIsPlainUtf8) {
  auto r = Response::text(404, "not found");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(r.body, "not found");
}

TEST(Response, RedirectSetsLocation) {
  auto r = Response::redirect(303, "/cases");
  EXPECT_EQ(r.status, 303);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Location");
  EXPECT_EQ(r.headers[0].second, "/cases");
  EXPECT_TRUE(r.body.empty());
}

}  // namespace
}  // namespace jz::http
