// The server's own error pages, below the socket level.

#include "http/error_page.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "http/call_handler.hpp"

namespace jz::http::detail {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ErrorPage, BuiltInTextIsBilingualAndSaysWhatToDo) {
  ServerOptions options;
  options.max_body_bytes = 1234;
  options.max_header_bytes = 5678;

  Response bad = server_error(400, options);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.content_type, "text/plain; charset=utf-8");
  EXPECT_TRUE(contains(bad.body, "400 Bad request / 请求有误")) << bad.body;
  EXPECT_TRUE(contains(bad.body, "Check the link")) << bad.body;

  Response large = server_error(413, options);
  EXPECT_TRUE(contains(large.body, "413 Request body too large / 请求正文过大")) << large.body;
  EXPECT_TRUE(contains(large.body, "The limit is 1234 bytes")) << large.body;
  EXPECT_TRUE(contains(large.body, "上限为 1234 字节")) << large.body;

  Response headers = server_error(431, options);
  EXPECT_TRUE(contains(headers.body, "431 Request headers too large / 请求头过大"));
  EXPECT_TRUE(contains(headers.body, "The limit is 5678 bytes")) << headers.body;
  EXPECT_TRUE(contains(headers.body, "cookies")) << headers.body;

  Response internal = server_error(500, options);
  EXPECT_TRUE(contains(internal.body, "500 Internal server error / 服务器内部错误"));
  EXPECT_TRUE(contains(internal.body, "Try again later")) << internal.body;
}

TEST(ErrorPage, HookSuppliesThePageButNotTheStatus) {
  ServerOptions options;
  int asked = 0;
  options.error_page = [&](int status) {
    asked = status;
    Response r;
    r.status = 200;  // ignored
    r.content_type = "text/html; charset=utf-8";
    r.body = "<h1>" + std::to_string(status) + "</h1>";
    r.headers.emplace_back("Content-Language", "zh");
    return r;
  };
  Response r = server_error(413, options);
  EXPECT_EQ(asked, 413);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "<h1>413</h1>");
  ASSERT_EQ(r.headers.size(), 1u);
}

TEST(ErrorPage, ThrowingHookFallsBackToBuiltInText) {
  ServerOptions options;
  options.error_page = [](int) -> Response { throw std::runtime_error("template missing"); };
  ::testing::internal::CaptureStderr();
  Response r = server_error(431, options);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(r.status, 431);
  EXPECT_TRUE(contains(r.body, "请求头过大")) << r.body;
  EXPECT_TRUE(contains(err, "error_page")) << err;
  EXPECT_FALSE(contains(err, "template missing")) << err;
}

TEST(ErrorPage, CallHandlerUsesHookFor500) {
  ServerOptions options;
  options.error_page = [](int status) {
    return Response{status, "text/html; charset=utf-8", "<h1>sorry</h1>", {}};
  };
  Request request;
  request.method = "GET";
  request.path = "/boom";
  ::testing::internal::CaptureStderr();
  Response r = call_handler([](const Request&) -> Response { throw std::logic_error("x"); },
                            request, options);
  ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, "<h1>sorry</h1>");
  // A handler's own 500 is its business, not replaced by the hook.
  Response own =
      call_handler([](const Request&) { return Response::text(500, "mine"); }, request, options);
  EXPECT_EQ(own.body, "mine");
}

}  // namespace
}  // namespace jz::http::detail
