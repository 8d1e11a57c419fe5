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

TEST(Request, FormFieldsOnlyFromAUrlEncodedBody) {
  Request r;
  r.body = "name=wang.li&password=a+b%26c&csrf=";
  EXPECT_EQ(r.form_field("name"), "") << "no content type: not a form";
  r.headers = {{"content-type", "application/x-www-form-urlencoded; charset=UTF-8"}};
  EXPECT_EQ(r.form_field("name"), "wang.li");
  EXPECT_EQ(r.form_field("password"), "a b&c");
  EXPECT_EQ(r.form_field("csrf"), "");
  EXPECT_EQ(r.form_field("missing"), "");
  r.body = "name=%zz";
  EXPECT_EQ(r.form_field("name"), "") << "a malformed escape";
  r.headers = {{"content-type", "multipart/form-data; boundary=x"}};
  r.body = "name=wang.li";
  EXPECT_EQ(r.form_field("name"), "");
}

TEST(Request, CookiesByName) {
  Request r;
  EXPECT_EQ(r.cookie("jz_session"), "");
  r.headers = {{"cookie", "a=1; jz_session=abc;jz_login=; x_jz_session=no"}};
  EXPECT_EQ(r.cookie("jz_session"), "abc");
  EXPECT_EQ(r.cookie("jz_login"), "");
  EXPECT_EQ(r.cookie("a"), "1");
  EXPECT_EQ(r.cookie("session"), "");
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
