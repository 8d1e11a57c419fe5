#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/session.hpp"

namespace jz::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct Server::Impl {
  enum class State { idle, running, stopping, stopped };

  Impl(ServerOptions options, Handler handler)
      : ioc(std::max(1, options.io_threads)),
        ctx(std::move(options), std::move(handler)),
        acceptor(asio::make_strand(ioc)),
        retry_timer(acceptor.get_executor()) {}

  bool start(std::string* error);
  void accept();
  void on_accept(const boost::system::error_code& ec, tcp::socket socket);
  void stop();
  void wait();
  void run_io();

  // Declaration order is destruction order in reverse: sessions (inside ctx) need ioc alive.
  asio::io_context ioc;
  detail::ServerContext ctx;
  tcp::acceptor acceptor;          // on its own strand; closed from stop() via post
  asio::steady_timer retry_timer;  // backs off after accept errors such as EMFILE
  std::vector<std::thread> threads;
  std::atomic<std::uint16_t> bound_port{0};

  std::mutex state_mutex;
  State state = State::idle;
  std::mutex join_mutex;
  bool joined = false;
};

namespace {

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

}  // namespace

bool Server::Impl::start(std::string* error) {
  std::lock_guard lock(state_mutex);
  if (state != State::idle) return fail(error, "server already started or stopped");

  boost::system::error_code ec;
  auto address = asio::ip::make_address(ctx.options.bind, ec);
  if (ec) return fail(error, "bad bind address \"" + ctx.options.bind + "\": " + ec.message());
  tcp::endpoint endpoint(address, ctx.options.port);
  std::string where = ctx.options.bind + ":" + std::to_string(ctx.options.port);

  auto give_up = [&](const char* what) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    return fail(error, std::string(what) + " " + where + ": " + ec.message());
  };
  if (acceptor.open(endpoint.protocol(), ec); ec) return give_up("cannot open socket for");
  // Lets a restarted server bind while old connections sit in TIME_WAIT; Linux still refuses
  // a port another process is listening on.
  if (acceptor.set_option(asio::socket_base::reuse_address(true), ec); ec) {
    return give_up("cannot set SO_REUSEADDR for");
  }
  if (acceptor.bind(endpoint, ec); ec) return give_up("cannot bind to");
  if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) {
    return give_up("cannot listen on");
  }
  bound_port = acceptor.local_endpoint(ec).port();
  if (ec) return give_up("cannot read the bound port of");

  accept();
  for (int i = 0; i < std::max(1, ctx.options.io_threads); ++i) {
    threads.emplace_back([this] { run_io(); });
  }
  state = State::running;
  return true;
}

void Server::Impl::accept() {
  // Each connection gets its own strand, so its handlers never run concurrently while
  // different connections still use all io threads.
  acceptor.async_accept(asio::make_strand(ioc),
                        [this](const boost::system::error_code& ec, tcp::socket socket) {
                          on_accept(ec, std::move(socket));
                        });
}

void Server::Impl::on_accept(const boost::system::error_code& ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;  // stop()
  if (!ec) {
    detail::start_session(std::move(socket), ctx);
  } else if (ec != asio::error::connection_aborted) {
    // Out of file descriptors and the like: retrying at once would spin on the same error.
    std::string line = "jz_http: accept failed: " + ec.message() + "\n";
    std::fputs(line.c_str(), stderr);
    retry_timer.expires_after(std::chrono::milliseconds(100));
    retry_timer.async_wait([this](const boost::system::error_code& wait_ec) {
      if (!wait_ec && acceptor.is_open()) accept();
    });
    return;
  }
  accept();
}

void Server::Impl::stop() {
  {
    std::lock_guard lock(state_mutex);
    if (state == State::idle) state = State::stopped;
    if (state != State::running) return;
    state = State::stopping;
  }
  asio::post(acceptor.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    retry_timer.cancel();
  });
  detail::stop_sessions(ctx);
  // No work guard on ioc: once the acceptor is closed and the last session is gone,
  // run() returns in every io thread and wait() can join them.
}

void Server::Impl::wait() {
  {
    std::lock_guard lock(state_mutex);
    if (state == State::idle) return;  // never started: nothing to wait for
  }
  std::lock_guard lock(join_mutex);
  if (joined) return;
  for (auto& thread : threads) thread.join();
  ctx.workers.join();
  joined = true;
  std::lock_guard state_lock(state_mutex);
  state = State::stopped;
}

void Server::Impl::run_io() {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      // Our completion handlers do not throw; if one ever does, keep the thread serving.
      std::string line = std::string("jz_http: io thread: ") + e.what() + "\n";
      std::fputs(line.c_str(), stderr);
    }
  }
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  impl_->stop();
  impl_->wait();
}

bool Server::start(std::string* error) {
  return impl_->start(error);
}

std::uint16_t Server::port() const {
  return impl_->bound_port;
}

void Server::stop() {
  impl_->stop();
}

void Server::wait() {
  impl_->wait();
}

}  // namespace jz::http
