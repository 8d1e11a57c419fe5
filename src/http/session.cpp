#include "http/session.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "http/access_log.hpp"
#include "http/call_handler.hpp"
#include "http/error_page.hpp"
#include "http/negotiate.hpp"
#include "http/path_decode.hpp"
#include "http/security_headers.hpp"

namespace jz::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// After an error response we stop sending but keep reading (and discarding) for a moment:
// closing with unread request bytes makes the kernel send RST, and the client would then lose
// the 413/431 we just wrote.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kFirstReadSize = 4096;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// Framing and identity are the server's business, not the handler's.
bool is_reserved_header(std::string_view name) {
  for (std::string_view reserved :
       {"content-length", "transfer-encoding", "connection", "server"}) {
    if (beast::iequals(name, reserved)) return true;
  }
  return false;
}

}  // namespace

ServerContext::ServerContext(ServerOptions o, Handler h)
    : options(std::move(o)),
      handler(std::move(h)),
      workers(static_cast<std::size_t>(std::max(1, options.worker_threads))) {}

// One TCP connection. Every member is touched only on the socket's strand, except that the
// handler runs on the worker pool with its own copy of the Request.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, ServerContext& ctx) : stream_(std::move(socket)), ctx_(ctx) {}

  ~Session() {
    std::lock_guard lock(ctx_.mutex);
    ctx_.sessions.erase(this);
  }

  asio::any_io_executor executor() { return stream_.get_executor(); }

  void start() {
    asio::dispatch(executor(), [self = shared_from_this()] {
      // The first request gets header_timeout from the moment of accept: a client that
      // connects and says nothing is as much a slowloris as one that stalls halfway.
      self->stream_.expires_after(self->ctx_.options.header_timeout);
      self->wait_for_request();
    });
  }

  // Posted by stop_sessions(); runs on the strand.
  void shutdown() {
    stopping_ = true;
    if (idle_ || draining_) stream_.cancel();  // busy connections close after their response
  }

 private:
  void wait_for_request() {
    if (stopping_) return close();
    started_ = Clock::now();
    if (buffer_.size() > 0) {  // a pipelined request is already here
      stream_.expires_after(ctx_.options.header_timeout);
      return read_header();
    }
    if (!first_request_) stream_.expires_after(ctx_.options.keep_alive_timeout);
    // Wait for the first byte separately so that an idle keep-alive connection (which stop()
    // may close) is distinguishable from one in the middle of sending a request.
    idle_ = true;
    stream_.async_read_some(
        buffer_.prepare(kFirstReadSize),
        beast::bind_front_handler(&Session::on_first_bytes, shared_from_this()));
  }

  void on_first_bytes(beast::error_code ec, std::size_t n) {
    idle_ = false;
    if (ec || stopping_) return close();  // timeout, client left, or stop()
    buffer_.commit(n);
    started_ = Clock::now();
    if (!first_request_) stream_.expires_after(ctx_.options.header_timeout);
    read_header();
  }

  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
        ctx_.options.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    // The larger limit until the header says which request this is (on_header).
    parser_->body_limit(static_cast<std::uint64_t>(
        std::max(ctx_.options.max_body_bytes, ctx_.options.max_upload_bytes)));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    if (parser_->is_done()) return dispatch();
    stream_.expires_after(ctx_.options.body_timeout);
    const auto& req = parser_->get();
    const auto& accepts = ctx_.options.accepts_upload;
    if (!accepts ||
        !accepts(std::string_view(req.method_string()), std::string_view(req.target()))) {
      std::uint64_t limit = ctx_.options.max_body_bytes;
      parser_->body_limit(limit);  // bytes of a chunked body count as they arrive
      if (auto length = parser_->content_length(); length && *length > limit)
        return on_read_error(bhttp::error::body_limit);
    }
    if (req.version() >= 11 && beast::iequals(req[bhttp::field::expect], "100-continue")) {
      // curl and others wait for this before sending a large body.
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                        [self = shared_from_this()](beast::error_code wec, std::size_t) {
                          if (wec) return self->close();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    dispatch();
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) return send_error(431);
    if (ec == bhttp::error::body_limit) {
      note_request_line();
      return send_error(413);
    }
    // Other parser errors mean a malformed request; end_of_stream / partial_message mean the
    // client went away, and timeouts mean it was too slow: those just get closed.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return send_error(400);
    }
    close();
  }

  // A too-large Content-Length is refused while the header is being finished, after the
  // request line has been parsed; the access log can still say what was asked for.
  void note_request_line() {
    if (!parser_) return;
    const auto& req = parser_->get();
    log_method_ = std::string(req.method_string());
    auto decoded = decode_target(req.target());
    if (decoded) log_path_ = std::move(decoded->path);
  }

  // The server's own 400/413/431. Whatever of the request header was parsed still says
  // whether the client takes gzip; conditional requests do not apply to errors.
  void send_error(int status) {
    RequestFacts facts;
    if (parser_) {
      for (const auto& field : parser_->get()) {
        if (!beast::iequals(field.name_string(), "accept-encoding")) continue;
        if (!facts.accept_encoding.empty()) facts.accept_encoding += ", ";
        facts.accept_encoding += field.value();
      }
    }
    if (!ctx_.options.error_page) {  // built-in text: small, no user code, no need for a worker
      return respond(negotiate(server_error(status, ctx_.options), facts), /*keep_alive=*/false);
    }
    build_on_worker(
        [status, facts = std::move(facts)](ServerContext& ctx) {
          return negotiate(server_error(status, ctx.options), facts);
        },
        /*error=*/true);
  }

  void dispatch() {
    auto& msg = parser_->get();
    log_method_ = std::string(msg.method_string());
    head_ = msg.method() == bhttp::verb::head;
    keep_alive_ = msg.keep_alive();
    version_ = msg.version();

    auto decoded = decode_target(msg.target());
    if (!decoded) return send_error(400);
    log_path_ = decoded->path;

    Request request;
    request.method = head_ ? "GET" : log_method_;  // HEAD is GET with the body dropped later
    request.target = std::string(msg.target());
    request.path = std::move(decoded->path);
    request.query = std::move(decoded->query);
    for (const auto& field : msg) {
      request.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(msg.body());
    parser_.reset();

    build_on_worker(
        [request = std::move(request)](ServerContext& ctx) {
          // Negotiation (304, gzip) runs here too, so compressing stays off the io threads.
          return negotiate(call_handler(ctx.handler, request, ctx.options), request_facts(request));
        },
        /*error=*/false);
  }

  // Runs make(ctx) on the worker pool (handlers and the error_page hook may block) and writes
  // its response back on the strand. The work guard keeps io_context::run() from returning
  // while the work is out on the pool, which is what lets stop() finish in-flight requests.
  template <class Make>
  void build_on_worker(Make make, bool error) {
    asio::post(ctx_.workers, [self = shared_from_this(), make = std::move(make), error,
                              guard = asio::make_work_guard(executor())]() mutable {
      Response response = make(self->ctx_);
      auto strand = self->executor();
      asio::post(strand, [self = std::move(self), response = std::move(response), error]() mutable {
        self->respond(std::move(response), !error && self->keep_alive_);
      });
      guard.reset();  // only after the session reference has moved on
    });
  }

  void respond(Response response, bool keep_alive) {
    keep_alive = keep_alive && !stopping_;
    int status = response.status;
    bool no_body = status / 100 == 1 || status == 204 || status == 304;

    res_ = {};
    res_.version(version_);
    res_.result(static_cast<unsigned>(status));
    res_.set(bhttp::field::server, "jianzheng");
    if (!response.content_type.empty() && !no_body &&
        !has_header(response.headers, "content-type")) {
      res_.set(bhttp::field::content_type, response.content_type);
    }
    add_security_headers(response.headers);
    for (const auto& [name, value] : response.headers) {
      if (is_reserved_header(name)) continue;
      if (!is_safe_header(name, value)) {
        std::string line =
            "jz_http: dropped unsafe response header on " + log_safe(log_path_) + "\n";
        std::fputs(line.c_str(), stderr);
        continue;
      }
      res_.insert(name, value);
    }
    if (!no_body) res_.content_length(response.body.size());
    bytes_ = (head_ || no_body) ? 0 : response.body.size();
    if (bytes_ > 0) res_.body() = std::move(response.body);
    res_.keep_alive(keep_alive);
    status_ = status;

    // A client that never reads its response must not pin the connection either.
    stream_.expires_after(ctx_.options.body_timeout);
    bhttp::async_write(stream_, res_,
                       [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                         self->on_write(ec, keep_alive);
                       });
  }

  void on_write(beast::error_code ec, bool keep_alive) {
    write_access_log();
    res_ = {};
    if (ec) return close();
    if (!keep_alive) return linger_close();
    first_request_ = false;
    head_ = false;
    log_method_.clear();
    log_path_.clear();
    wait_for_request();
  }

  void write_access_log() {
    if (!ctx_.options.access_log) return;
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started_);
    std::string line = format_access_line(
        std::chrono::system_clock::now(), log_method_.empty() ? "-" : log_method_,
        log_path_.empty() ? "-" : log_path_, status_, bytes_, elapsed);
    std::lock_guard lock(ctx_.log_mutex);
    try {
      ctx_.options.access_log(line);
    } catch (...) {
      // A broken log sink must not take the connection down with it.
    }
  }

  void linger_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    parser_.reset();
    buffer_.clear();
    draining_ = true;
    stream_.expires_after(kLingerTime);
    drain();
  }

  void drain() {
    if (stopping_) return close();
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();  // EOF, timeout or stop()
                              self->drain();
                            });
  }

  void close() {
    idle_ = false;
    draining_ = false;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  ServerContext& ctx_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::array<char, 4096> drain_buffer_{};

  bool first_request_ = true;
  bool idle_ = false;      // waiting for the first byte of a request
  bool draining_ = false;  // in linger_close()
  bool stopping_ = false;  // server is stopping: no more keep-alive

  // Per request.
  bool head_ = false;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  int status_ = 0;
  std::size_t bytes_ = 0;
  std::string log_method_;
  std::string log_path_;
  Clock::time_point started_ = Clock::now();
};

void start_session(tcp::socket socket, ServerContext& ctx) {
  auto session = std::make_shared<Session>(std::move(socket), ctx);
  {
    std::lock_guard lock(ctx.mutex);
    if (ctx.stopping) return;  // the session (and socket) die once the lock is released
    ctx.sessions.emplace(session.get(), session);
  }
  session->start();
}

void stop_sessions(ServerContext& ctx) {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(ctx.mutex);
    ctx.stopping = true;
    for (const auto& [ptr, weak] : ctx.sessions) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (auto& session : live) {
    asio::post(session->executor(), [session] { session->shutdown(); });
  }
}

}  // namespace jz::http::detail
