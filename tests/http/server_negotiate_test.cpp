// ETag / If-None-Match, gzip and the error_page hook, over real sockets.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "gunzip.hpp"
#include "http/gzip.hpp"
#include "http/server.hpp"
#include "test_client.hpp"

namespace jz::http {
namespace {

using test::ClientResponse;
using test::TestClient;

std::string big_page() {
  std::string page = "<!doctype html><title>见证</title><ul>";
  for (int i = 0; i < 100; ++i) page += "<li>案件 " + std::to_string(i) + " — record</li>";
  return page + "</ul>";
}

std::string request(std::string_view method, std::string_view target,
                    std::string_view extra_headers = "") {
  return std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" +
         std::string(extra_headers) + "\r\n";
}

std::string get(std::string_view target, std::string_view extra_headers = "") {
  return request("GET", target, extra_headers);
}

Response handle(const Request& r) {
  if (r.path == "/etag") {
    Response res{200, "text/html; charset=utf-8", "<p>etag</p>", {}};
    res.headers = {{"ETag", "\"v1\""},          {"Cache-Control", "max-age=60"},
                   {"Vary", "Accept-Language"}, {"Content-Location", "/etag.zh"},
                   {"Set-Cookie", "a=b"},       {"Content-Language", "zh"}};
    return res;
  }
  if (r.path == "/weak") {
    Response res = Response::text(200, "weak");
    res.headers.emplace_back("ETag", "W/\"w1\"");
    return res;
  }
  if (r.path == "/big") return Response{200, "text/html; charset=utf-8", big_page(), {}};
  if (r.path == "/big-etag") {
    Response res{200, "text/html; charset=utf-8", big_page(), {{"ETag", "\"big\""}}};
    return res;
  }
  if (r.path == "/json") return Response{200, "application/json", "[" + big_page() + "]", {}};
  if (r.path == "/png") return Response{200, "image/png", big_page(), {}};
  if (r.path == "/encoded") {
    return Response{200, "text/html; charset=utf-8", big_page(), {{"Content-Encoding", "br"}}};
  }
  if (r.path == "/small") return Response{200, "text/html; charset=utf-8", "<p>small</p>", {}};
  if (r.path == "/pre") {
    Response res = Response::text(200, "precompressed body");
    res.gzip_body = gzip(res.body);
    return res;
  }
  if (r.path == "/throw") throw std::runtime_error("boom");
  return Response::text(404, "not found");
}

class NegotiateServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    options.bind = "127.0.0.1";
    options.port = 0;
    options.max_body_bytes = 1024;
    server_ = std::make_unique<Server>(options, handle);
    std::string error;
    ASSERT_TRUE(server_->start(&error)) << error;
  }

  std::optional<ClientResponse> exchange(const std::string& req, bool head = false) {
    TestClient client(server_->port());
    if (!client.connected() || !client.send(req)) return std::nullopt;
    return client.read_response(head);
  }

  std::unique_ptr<Server> server_;
};

// --- conditional requests ------------------------------------------------------------------

TEST_F(NegotiateServerTest, MatchingEtagGives304WithoutBody) {
  start();
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(get("/etag", "If-None-Match: \"v1\"\r\n")));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  EXPECT_EQ(r->header("etag"), "\"v1\"");
  EXPECT_EQ(r->header("cache-control"), "max-age=60");
  EXPECT_EQ(r->header("vary"), "Accept-Language, Accept-Encoding");
  EXPECT_EQ(r->header("content-location"), "/etag.zh");
  EXPECT_EQ(r->count("content-length"), 0u);
  EXPECT_EQ(r->count("content-type"), 0u);
  EXPECT_EQ(r->count("set-cookie"), 0u);
  EXPECT_EQ(r->count("content-language"), 0u);
  EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
  EXPECT_NE(r->header("connection"), "close");
  // No body bytes follow the 304: the next response on the connection starts right away.
  EXPECT_EQ(client.leftover(), "");
  ASSERT_TRUE(client.send(get("/small")));
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, "<p>small</p>");
}

TEST_F(NegotiateServerTest, WeakListAndStarMatch) {
  start();
  for (const char* inm : {"W/\"v1\"", "\"other\", \"v1\"", "\"a\",W/\"v1\"", "*"}) {
    auto r = exchange(get("/etag", "If-None-Match: " + std::string(inm) + "\r\n"));
    ASSERT_TRUE(r) << inm;
    EXPECT_EQ(r->status, 304) << inm;
  }
  auto weak = exchange(get("/weak", "If-None-Match: \"w1\"\r\n"));
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->status, 304);
  EXPECT_EQ(weak->header("etag"), "W/\"w1\"");
  // Two If-None-Match lines count as one list.
  auto split = exchange(get("/etag", "If-None-Match: \"x\"\r\nIf-None-Match: \"v1\"\r\n"));
  ASSERT_TRUE(split);
  EXPECT_EQ(split->status, 304);
}

TEST_F(NegotiateServerTest, NonMatchingEtagGives200WithBody) {
  start();
  for (const char* extra : {"If-None-Match: \"v2\"\r\n", "If-None-Match: v1\r\n", ""}) {
    auto r = exchange(get("/etag", extra));
    ASSERT_TRUE(r) << extra;
    EXPECT_EQ(r->status, 200) << extra;
    EXPECT_EQ(r->body, "<p>etag</p>") << extra;
    EXPECT_EQ(r->header("etag"), "\"v1\"") << extra;
    EXPECT_EQ(r->header("set-cookie"), "a=b") << extra;
  }
  // Not for POST: the handler has already acted, so a 304 (or 412) would hide that.
  auto post = exchange(request("POST", "/etag", "If-None-Match: \"v1\"\r\nContent-Length: 0\r\n"));
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 200);
  // A response without an ETag is never 304, even for "*".
  auto no_etag = exchange(get("/small", "If-None-Match: *\r\n"));
  ASSERT_TRUE(no_etag);
  EXPECT_EQ(no_etag->status, 200);
}

TEST_F(NegotiateServerTest, HeadWithMatchingEtagIs304) {
  start();
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(request("HEAD", "/etag", "If-None-Match: \"v1\"\r\n")));
  auto r = client.read_response(/*no_body=*/true);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  EXPECT_EQ(r->count("content-length"), 0u);
}

// --- gzip ----------------------------------------------------------------------------------

TEST_F(NegotiateServerTest, GzipAppliedWhenAccepted) {
  start();
  for (const char* accept : {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.5", "*"}) {
    auto r = exchange(get("/big", "Accept-Encoding: " + std::string(accept) + "\r\n"));
    ASSERT_TRUE(r) << accept;
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->header("content-encoding"), "gzip") << accept;
    EXPECT_EQ(r->header("vary"), "Accept-Encoding") << accept;
    EXPECT_EQ(r->header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(r->header("content-length"), std::to_string(r->body.size()));
    EXPECT_LT(r->body.size(), big_page().size());
    EXPECT_EQ(test::gunzip(r->body), big_page()) << accept;
  }
  auto json = exchange(get("/json", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(json);
  EXPECT_EQ(json->header("content-encoding"), "gzip");
  EXPECT_EQ(test::gunzip(json->body), "[" + big_page() + "]");
}

TEST_F(NegotiateServerTest, GzipNotAppliedWhenRefusedOrNotAsked) {
  start();
  for (const char* extra :
       {"", "Accept-Encoding: gzip;q=0\r\n", "Accept-Encoding: gzip;q=0, *\r\n",
        "Accept-Encoding: *;q=0\r\n", "Accept-Encoding: identity\r\n", "Accept-Encoding: br\r\n"}) {
    auto r = exchange(get("/big", extra));
    ASSERT_TRUE(r) << extra;
    EXPECT_EQ(r->count("content-encoding"), 0u) << extra;
    EXPECT_EQ(r->body, big_page()) << extra;
    EXPECT_EQ(r->header("vary"), "Accept-Encoding") << extra;  // the answer still varies
  }
}

TEST_F(NegotiateServerTest, PrecompressedBodyIsSentAsGiven) {
  start();
  auto r = exchange(get("/pre", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("content-encoding"), "gzip");
  EXPECT_EQ(r->body, gzip("precompressed body"));  // small, yet sent compressed: it was given
  EXPECT_EQ(r->header("vary"), "Accept-Encoding");
  auto plain = exchange(get("/pre"));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->count("content-encoding"), 0u);
  EXPECT_EQ(plain->body, "precompressed body");
}

TEST_F(NegotiateServerTest, SmallBinaryAndEncodedBodiesAreNotCompressed) {
  start();
  auto small = exchange(get("/small", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(small);
  EXPECT_EQ(small->count("content-encoding"), 0u);
  EXPECT_EQ(small->body, "<p>small</p>");
  EXPECT_EQ(small->header("vary"), "Accept-Encoding");

  auto png = exchange(get("/png", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(png);
  EXPECT_EQ(png->count("content-encoding"), 0u);
  EXPECT_EQ(png->count("vary"), 0u);
  EXPECT_EQ(png->body, big_page());

  auto encoded = exchange(get("/encoded", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(encoded);
  EXPECT_EQ(encoded->header("content-encoding"), "br");  // the handler's, untouched
  EXPECT_EQ(encoded->count("content-encoding"), 1u);
  EXPECT_EQ(encoded->body, big_page());
}

TEST_F(NegotiateServerTest, VaryIsMergedWithTheHandlers) {
  start();
  auto r = exchange(get("/etag", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->count("vary"), 1u);
  EXPECT_EQ(r->header("vary"), "Accept-Language, Accept-Encoding");
}

TEST_F(NegotiateServerTest, HeadGetsTheSameHeadersAsGet) {
  start();
  for (const char* extra : {"Accept-Encoding: gzip\r\n", ""}) {
    auto full = exchange(get("/big", extra));
    ASSERT_TRUE(full);
    TestClient client(server_->port());
    ASSERT_TRUE(client.send(request("HEAD", "/big", extra)));
    auto head = client.read_response(/*no_body=*/true);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->header("content-length"), full->header("content-length")) << extra;
    EXPECT_EQ(head->header("content-encoding"), full->header("content-encoding")) << extra;
    EXPECT_EQ(head->header("vary"), full->header("vary")) << extra;
    // Nothing but headers was sent: the next response on the connection parses cleanly.
    ASSERT_TRUE(client.send(get("/small")));
    auto next = client.read_response();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->body, "<p>small</p>");
  }
}

TEST_F(NegotiateServerTest, GzippedResponseHasWeakEtagAndStillRevalidates) {
  start();
  auto r = exchange(get("/big-etag", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("content-encoding"), "gzip");
  EXPECT_EQ(r->header("etag"), "W/\"big\"");
  auto again = exchange(get("/big-etag", "Accept-Encoding: gzip\r\nIf-None-Match: W/\"big\"\r\n"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(again->header("etag"), "W/\"big\"");
  EXPECT_EQ(again->header("vary"), "Accept-Encoding");
  auto identity = exchange(get("/big-etag"));
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->header("etag"), "\"big\"");
}

// --- error pages ---------------------------------------------------------------------------

ServerOptions with_error_page() {
  ServerOptions options;
  options.error_page = [](int status) {
    Response r;
    r.status = 200;  // the server keeps the real status
    r.content_type = "text/html; charset=utf-8";
    r.body = "<h1>custom " + std::to_string(status) + "</h1>";
    return r;
  };
  return options;
}

TEST_F(NegotiateServerTest, ErrorPageHookServes400) {
  start(with_error_page());
  for (const std::string& bad : {get("/a%zz"), std::string("THIS IS NOT HTTP\r\n\r\n")}) {
    TestClient client(server_->port());
    ASSERT_TRUE(client.send(bad));
    auto r = client.read_response();
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(r->body, "<h1>custom 400</h1>");
    EXPECT_EQ(r->header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(r->header("connection"), "close");
    EXPECT_TRUE(client.wait_closed());
  }
}

TEST_F(NegotiateServerTest, ErrorPageHookServes413) {
  start(with_error_page());
  TestClient client(server_->port());
  ASSERT_TRUE(
      client.send(request("POST", "/echo", "Content-Length: 2048\r\n") + std::string(2048, 'x')));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->body, "<h1>custom 413</h1>");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(NegotiateServerTest, ErrorPageHookServes431) {
  start(with_error_page());
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(get("/", "X-Big: " + std::string(16 * 1024, 'a') + "\r\n")));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->body, "<h1>custom 431</h1>");
  EXPECT_EQ(r->header("x-frame-options"), "DENY");
  EXPECT_EQ(r->header("connection"), "close");
}

TEST_F(NegotiateServerTest, ErrorPageHookServesThrowingHandler) {
  start(with_error_page());
  TestClient client(server_->port());
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(client.send(get("/throw")));
  auto r = client.read_response();
  ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body, "<h1>custom 500</h1>");
  EXPECT_NE(r->header("connection"), "close");  // a 500 keeps the connection, as before
  ASSERT_TRUE(client.send(get("/small")));
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  // 404 is the handler's own, never the hook's.
  auto missing = exchange(get("/missing"));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->body, "not found");
}

TEST_F(NegotiateServerTest, LargeErrorPageIsGzippedLikeAnyPage) {
  ServerOptions options;
  options.error_page = [](int) { return Response{0, "text/html; charset=utf-8", big_page(), {}}; };
  start(options);
  auto r = exchange(get("/a%zz", "Accept-Encoding: gzip\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->header("content-encoding"), "gzip");
  EXPECT_EQ(test::gunzip(r->body), big_page());
}

TEST_F(NegotiateServerTest, DefaultErrorTextIsBilingual) {
  start();
  TestClient client(server_->port());
  ASSERT_TRUE(
      client.send(request("POST", "/echo", "Content-Length: 2048\r\n") + std::string(2048, 'x')));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("content-type"), "text/plain; charset=utf-8");
  EXPECT_NE(r->body.find("413 Request body too large / 请求正文过大"), std::string::npos);
  EXPECT_NE(r->body.find("The limit is 1024 bytes"), std::string::npos) << r->body;

  auto bad = exchange(get("/a%zz"));
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->body.find("请求有误"), std::string::npos) << bad->body;
}

}  // namespace
}  // namespace jz::http
