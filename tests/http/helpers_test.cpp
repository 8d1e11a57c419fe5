// The small pieces the session is built from: access-log lines, log escaping, default headers,
// and the handler wrapper.

#include <gtest/gtest.h>

#include <stdexcept>

#include "http/access_log.hpp"
#include "http/call_handler.hpp"
#include "http/security_headers.hpp"

namespace jz::http::detail {
namespace {

TEST(AccessLog, FormatsOneLine) {
  auto when = std::chrono::system_clock::from_time_t(1700000000);  // 2023-11-14T22:13:20Z
  EXPECT_EQ(format_access_line(when, "GET", "/cases", 200, 1234, std::chrono::milliseconds(7)),
            "2023-11-14T22:13:20Z GET /cases 200 1234 7ms");
}

TEST(AccessLog, EscapesControlBytesAndSpaces) {
  EXPECT_EQ(log_safe("/a b\nc\\d"), "/a\\x20b\\x0Ac\\x5Cd");
  EXPECT_EQ(log_safe("/\xE6\x9D\x8E"), "/\xE6\x9D\x8E");
  EXPECT_EQ(log_safe("a b", /*keep_spaces=*/true), "a b");
}

TEST(SecurityHeaders, AddsMissingOnly) {
  HeaderList headers{{"x-frame-options", "SAMEORIGIN"}};
  add_security_headers(headers);
  EXPECT_EQ(headers.size(), 4u);
  EXPECT_TRUE(has_header(headers, "Content-Security-Policy"));
  EXPECT_TRUE(has_header(headers, "Referrer-Policy"));
  EXPECT_TRUE(has_header(headers, "X-Content-Type-Options"));
  EXPECT_EQ(headers[0].second, "SAMEORIGIN");
}

TEST(SecurityHeaders, RejectsHeaderSplitting) {
  EXPECT_TRUE(is_safe_header("Set-Cookie", "a=b; HttpOnly"));
  EXPECT_FALSE(is_safe_header("X", "a\r\nb: c"));
  EXPECT_FALSE(is_safe_header("X", "a\nb"));
  EXPECT_FALSE(is_safe_header("X Y", "v"));
  EXPECT_FALSE(is_safe_header("", "v"));
}

TEST(CallHandler, ExceptionBecomesGeneric500) {
  Request request;
  request.method = "GET";
  request.path = "/boom";
  request.body = "private";
  ::testing::internal::CaptureStderr();
  Response r = call_handler([](const Request&) -> Response { throw std::logic_error("bad"); },
                            request, ServerOptions{});
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.rfind("500 Internal server error", 0), 0u) << r.body;
  EXPECT_NE(err.find("/boom"), std::string::npos);
  EXPECT_EQ(err.find("private"), std::string::npos);
}

TEST(CallHandler, ImpossibleStatusBecomes500) {
  ::testing::internal::CaptureStderr();
  Response r = call_handler([](const Request&) { return Response::text(42, "?"); }, Request{},
                            ServerOptions{});
  ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(r.status, 500);
}

}  // namespace
}  // namespace jz::http::detail
