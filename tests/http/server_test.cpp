#include "http/server.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "test_client.hpp"

namespace jz::http {
namespace {

using test::ClientResponse;
using test::TestClient;

constexpr std::string_view kCsp =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { start_server(); }

  void TearDown() override {
    // Let a test that failed halfway through the slow-handler dance shut down anyway.
    if (!released_) release_.set_value();
    server_.reset();
  }

  void start_server() {
    ServerOptions options;
    options.bind = "127.0.0.1";
    options.port = 0;
    options.max_body_bytes = 1024;
    options.max_upload_bytes = 4096;  // for POST /echo?upload only
    options.accepts_upload = [](std::string_view method, std::string_view target) {
      return method == "POST" && target == "/echo?upload";
    };
    options.header_timeout = std::chrono::seconds(1);  // the slowloris test waits this long
    options.body_timeout = std::chrono::seconds(1);    // and the stalled-body test this long
    options.keep_alive_timeout = std::chrono::seconds(5);
    options.access_log = [this](std::string_view line) {
      std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
    };
    server_ = std::make_unique<Server>(options, [this](const Request& r) { return handle(r); });
    std::string error;
    ASSERT_TRUE(server_->start(&error)) << error;
    ASSERT_NE(server_->port(), 0);
  }

  Response handle(const Request& r) {
    if (r.path == "/") return Response{200, "text/html; charset=utf-8", "<p>hello</p>", {}};
    if (r.path == "/echo") return Response::text(200, r.method + " " + r.body);
    if (r.path == "/query") {
      std::string out = "q=" + r.param("q") + ";tags=";
      auto [begin, end] = r.query.equal_range("tag");
      for (auto it = begin; it != end; ++it) out += it->second + ",";
      return Response::text(200, out);
    }
    if (r.path == "/path") return Response::text(200, r.path);
    if (r.path == "/throw") throw std::runtime_error("boom from handler");
    if (r.path == "/csp") {
      Response res = Response::text(200, "own csp");
      res.headers.emplace_back("Content-Security-Policy", "default-src 'self'");
      return res;
    }
    if (r.path == "/inject") {
      Response res = Response::text(200, "x");
      res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: stolen=1");
      return res;
    }
    if (r.path == "/redirect") return Response::redirect(303, "/");
    if (r.path == "/slow") {
      entered_.set_value();
      release_future_.wait();
      return Response::text(200, "slow done");
    }
    return Response::text(404, "not found");
  }

  std::vector<std::string> log_lines() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

  void release_slow_handler() {
    released_ = true;
    release_.set_value();
  }

  std::unique_ptr<Server> server_;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
  std::promise<void> entered_;
  std::promise<void> release_;
  std::shared_future<void> release_future_ = release_.get_future().share();
  bool released_ = false;
};

std::string get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) +
         "\r\n";
}

std::optional<ClientResponse> exchange(std::uint16_t port, const std::string& request) {
  TestClient client(port);
  if (!client.connected() || !client.send(request)) return std::nullopt;
  return client.read_response();
}

TEST_F(ServerTest, GetReturnsBodyAndSecurityHeaders) {
  auto r = exchange(server_->port(), get("/"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<p>hello</p>");
  EXPECT_EQ(r->header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r->header("content-length"), "12");
  EXPECT_EQ(r->header("content-security-policy"), kCsp);
  EXPECT_EQ(r->header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r->header("x-frame-options"), "DENY");
  EXPECT_EQ(r->header("server"), "jianzheng");
  EXPECT_EQ(r->count("server"), 1u);
}

TEST_F(ServerTest, HandlerHeadersWinOverDefaults) {
  auto r = exchange(server_->port(), get("/csp"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->count("content-security-policy"), 1u);
  EXPECT_EQ(r->header("content-security-policy"), "default-src 'self'");
  EXPECT_EQ(r->header("x-frame-options"), "DENY");
}

TEST_F(ServerTest, HeaderWithLineBreakIsDropped) {
  ::testing::internal::CaptureStderr();
  auto r = exchange(server_->port(), get("/inject"));
  ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("x-evil"), "");
  EXPECT_EQ(r->header("set-cookie"), "");
}

TEST_F(ServerTest, RedirectHasLocationAndEmptyBody) {
  auto r = exchange(server_->port(), get("/redirect"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->header("location"), "/");
  EXPECT_EQ(r->header("content-length"), "0");
  EXPECT_EQ(r->body, "");
}

TEST_F(ServerTest, HeadHasHeadersButNoBody) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send("HEAD / HTTP/1.1\r\nHost: test\r\n\r\n"));
  auto head = client.read_response(/*no_body=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), "12");  // the length GET would have
  EXPECT_EQ(head->header("x-frame-options"), "DENY");
  // Had the server sent a body, this second response would start in the middle of it.
  ASSERT_TRUE(client.send(get("/")));
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, "<p>hello</p>");
}

TEST_F(ServerTest, HandlerSeesHeadAsGet) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send("HEAD /echo HTTP/1.1\r\nHost: test\r\n\r\n"));
  auto head = client.read_response(/*no_body=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("content-length"), "4");  // "GET "
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(get("/")));
  auto first = client.read_response();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_NE(first->header("connection"), "close");
  ASSERT_TRUE(client.send(get("/path")));
  auto second = client.read_response();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body, "/path");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(get("/path") + get("/")));
  auto first = client.read_response();
  auto second = client.read_response();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "/path");
  EXPECT_EQ(second->body, "<p>hello</p>");
}

TEST_F(ServerTest, PostBodyReachesHandler) {
  TestClient client(server_->port());
  ASSERT_TRUE(
      client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\nhello world"));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "POST hello world");
  EXPECT_EQ(r->header("content-type"), "text/plain; charset=utf-8");
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponse) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(
      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = client.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.send("abc"));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "POST abc");
}

TEST_F(ServerTest, TooLargeBodyIs413) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2048\r\n\r\n" +
                          std::string(2048, 'x')));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed());
  server_->stop();
  server_->wait();
  auto lines = log_lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find(" POST /echo 413 "), std::string::npos) << lines[0];
}

TEST_F(ServerTest, AnUploadMaySendMoreButNoMoreThanItsOwnLimit) {
  for (auto [target, size, status] :
       {std::tuple{"/echo?upload", 3000, 200}, {"/echo?upload", 5000, 413}, {"/echo", 3000, 413}}) {
    TestClient client(server_->port());
    ASSERT_TRUE(client.send("POST " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" +
                            "Content-Length: " + std::to_string(size) + "\r\n\r\n" +
                            std::string(size, 'x')));
    auto r = client.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << target << " " << size;
  }
  TestClient chunked(server_->port());  // a chunked body elsewhere is held to the small limit
  std::string request = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(512, 'y') + "\r\n";
  ASSERT_TRUE(chunked.send(request + "0\r\n\r\n"));
  auto r = chunked.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, TooLargeChunkedBodyIs413) {
  TestClient client(server_->port());
  std::string request = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(512, 'y') + "\r\n";
  request += "0\r\n\r\n";
  ASSERT_TRUE(client.send(request));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, HugeHeaderIs431) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(get("/", "X-Big: " + std::string(16 * 1024, 'a') + "\r\n")));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
}

TEST_F(ServerTest, BadPercentEncodingIs400) {
  for (const char* target : {"/a%zz", "/a%2", "/a%", "/a%00b", "/q?x=%G1"}) {
    auto r = exchange(server_->port(), get(target));
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
  }
}

TEST_F(ServerTest, DotDotSegmentIs400) {
  for (const char* target : {"/a/../etc/passwd", "/..", "/a/%2e%2e/b", "/a%2F..%2Fb"}) {
    auto r = exchange(server_->port(), get(target));
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
  }
}

TEST_F(ServerTest, MalformedRequestIs400) {
  auto r = exchange(server_->port(), "THIS IS NOT HTTP\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServerTest, QueryParamsAreDecoded) {
  auto r = exchange(server_->port(), get("/query?q=%E6%9D%8E+%E5%8D%8E&tag=a%26b&tag=c&empty"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "q=\xE6\x9D\x8E \xE5\x8D\x8E;tags=a&b,c,");
}

TEST_F(ServerTest, PathIsDecoded) {
  auto r = exchange(server_->port(), get("/%70ath"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "/path");
}

TEST_F(ServerTest, ThrowingHandlerGives500AndServerKeepsServing) {
  ::testing::internal::CaptureStderr();
  TestClient client(server_->port());
  ASSERT_TRUE(
      client.send("POST /throw HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\n"
                  "secret-body"));
  auto r = client.read_response();
  std::string err = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body.find("boom"), std::string::npos);  // no internals to the client
  EXPECT_NE(err.find("/throw"), std::string::npos) << err;
  EXPECT_EQ(err.find("secret-body"), std::string::npos) << err;

  ASSERT_TRUE(client.send(get("/")));  // same connection still works
  auto again = client.read_response();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  auto fresh = exchange(server_->port(), get("/"));
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->status, 200);
}

TEST_F(ServerTest, StalledHeaderIsDisconnected) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: te"));
  // No sleep needed: the blocking read is the stall. The server must close, not answer.
  EXPECT_TRUE(client.wait_closed());
  EXPECT_EQ(client.leftover(), "");
}

TEST_F(ServerTest, StalledBodyIsDisconnected) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc"));
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, Http10ClosesAfterResponse) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send("GET / HTTP/1.0\r\n\r\n"));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<p>hello</p>");
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, SilentClientIsDisconnected) {
  TestClient client(server_->port());
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, StopLetsInFlightHandlerFinishAndClosesIdleConnections) {
  TestClient idle(server_->port());
  ASSERT_TRUE(idle.send(get("/")));
  ASSERT_TRUE(idle.read_response());  // now an idle keep-alive connection

  TestClient slow(server_->port());
  ASSERT_TRUE(slow.send(get("/slow")));
  entered_.get_future().wait();

  server_->stop();
  EXPECT_TRUE(idle.wait_closed());  // closed while the slow handler is still running

  release_slow_handler();
  auto r = slow.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "slow done");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(slow.wait_closed());

  server_->wait();
  TestClient late(server_->port());
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, AccessLogHasNoAddressQueryOrSecrets) {
  TestClient client(server_->port());
  ASSERT_TRUE(client.send(
      "POST /query?q=secret-query HTTP/1.1\r\nHost: test\r\nCookie: session=secret-cookie\r\n"
      "Authorization: Bearer secret-token\r\nContent-Length: 11\r\n\r\nsecret-body"));
  ASSERT_TRUE(client.read_response());
  ASSERT_TRUE(client.send(get("/a%20b%0Ac")));
  ASSERT_TRUE(client.read_response());
  server_->stop();
  server_->wait();  // every access-log call has returned once the io threads are joined

  auto lines = log_lines();
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("127.0.0.1"), std::string::npos) << line;
    EXPECT_EQ(line.find('?'), std::string::npos) << line;
    EXPECT_EQ(line.find("secret"), std::string::npos) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  }
  EXPECT_NE(lines[0].find(" POST /query 200 "), std::string::npos) << lines[0];
  EXPECT_EQ(lines[0].back(), 's');
  EXPECT_NE(lines[1].find(" GET /a\\x20b\\x0Ac 404 "), std::string::npos) << lines[1];
}

TEST_F(ServerTest, ErrorsAreLoggedWithoutDetails) {
  ASSERT_TRUE(exchange(server_->port(), get("/a%zz?q=secret")));
  server_->stop();
  server_->wait();
  auto lines = log_lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find(" GET - 400 "), std::string::npos) << lines[0];
}

ServerOptions options_for(std::string bind, std::uint16_t port) {
  ServerOptions options;
  options.bind = std::move(bind);
  options.port = port;
  return options;
}

TEST(ServerStartTest, PortInUseFails) {
  Server first(options_for("127.0.0.1", 0), [](const Request&) { return Response{}; });
  std::string error;
  ASSERT_TRUE(first.start(&error)) << error;
  Server second(options_for("127.0.0.1", first.port()), [](const Request&) { return Response{}; });
  EXPECT_FALSE(second.start(&error));
  EXPECT_FALSE(error.empty());
}

TEST(ServerStartTest, BadAddressFails) {
  Server server(options_for("not-an-address", 0), [](const Request&) { return Response{}; });
  std::string error;
  EXPECT_FALSE(server.start(&error));
  EXPECT_NE(error.find("not-an-address"), std::string::npos) << error;
}

TEST(RunUntilSignal, ReturnsWhenStoppedElsewhere) {
  Server server(options_for("127.0.0.1", 0), [](const Request&) { return Response{}; });
  ASSERT_TRUE(server.start(nullptr));
  auto result = std::async(std::launch::async, [&] { return run_until_signal(server); });
  server.stop();
  EXPECT_EQ(result.get(), 0);
}

TEST(RunUntilSignal, SigtermStopsTheServer) {
  Server server(options_for("127.0.0.1", 0), [](const Request&) { return Response{}; });
  ASSERT_TRUE(server.start(nullptr));
  struct sigaction before {};
  ASSERT_EQ(::sigaction(SIGTERM, nullptr, &before), 0);
  ASSERT_EQ(before.sa_handler, SIG_DFL);

  auto result = std::async(std::launch::async, [&] { return run_until_signal(server); });
  // Raising SIGTERM before run_until_signal has installed its handler would kill the test
  // binary, so wait for the handler to appear (a condition, not a timer).
  for (;;) {
    struct sigaction now {};
    ASSERT_EQ(::sigaction(SIGTERM, nullptr, &now), 0);
    if (now.sa_handler != SIG_DFL) break;
    std::this_thread::yield();
  }
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  EXPECT_EQ(result.get(), 0);
  TestClient late(server.port());
  EXPECT_FALSE(late.connected());
}

TEST(ServerStartTest, DestroyWithoutStartIsFine) {
  Server server(ServerOptions{}, [](const Request&) { return Response{}; });
  server.stop();
  server.wait();
}

}  // namespace
}  // namespace jz::http
