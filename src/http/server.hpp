#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"

namespace jz::http {

// Runs on a worker thread, never on an io thread, so it may block (database work). Called
// concurrently from worker_threads threads. HEAD requests arrive as "GET"; the server drops
// the body. An exception becomes a generic 500. The server answers If-None-Match (a 200 with an
// ETag may go out as 304) and Accept-Encoding (gzip) itself; see response.hpp.
using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 2;
  int worker_threads = 2;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 1 << 20;
  // Requests `accepts_upload` picks by method and target (a file attached to a record) may
  // send bodies up to max_upload_bytes instead; the others are held to max_body_bytes.
  std::size_t max_upload_bytes = 0;
  std::function<bool(std::string_view method, std::string_view target)> accepts_upload;
  // Deadlines, each counted from its start: a whole request header (from accept, or from the
  // first byte on a kept-alive connection), a whole body, a whole response write (body_timeout
  // too), and the idle gap between kept-alive requests. Expiry closes the connection silently.
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds keep_alive_timeout{30};
  // one line per request; calls are serialised but come from io threads, so keep it quick
  std::function<void(std::string_view)> access_log;
  // The page for the server's own errors: 400 (malformed request or target), 413, 431, and the
  // generic 500 for a handler that threw. The server keeps the status (whatever the returned
  // one says) and closes the connection after 400/413/431 as without a hook; body, content
  // type, gzip_body and headers are used as for a handler's response. Runs on a worker thread,
  // concurrently, like a Handler. If it throws, the built-in page is sent. Unset: a short
  // plain-text page in Chinese and English. (404 and 405 are the handler's business.)
  std::function<Response(int status)> error_page;
};

class Server {
 public:
  Server(ServerOptions, Handler);
  ~Server();  // stop() + wait()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // binds; returns false + message on failure (port in use, bad address)
  bool start(std::string* error);
  std::uint16_t port() const;  // actual port, for port 0
  // graceful: stop accepting, finish in-flight requests, close idle keep-alive connections.
  // Does not block; safe to call from a handler or another thread.
  void stop();
  // blocks until stopped: after stop() (or a signal, see below) once in-flight requests have
  // finished and the threads are joined. Returns at once if never started. Not from a handler.
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs a server until SIGINT or SIGTERM, then stops gracefully. Returns the process exit code.
int run_until_signal(Server&);

}  // namespace jz::http
