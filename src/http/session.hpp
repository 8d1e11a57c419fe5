#pragma once

// Internal to jz_http. Includes Asio, so only session.cpp and server.cpp include it; keep
// Boost out of anything a handler author includes.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "http/server.hpp"

namespace jz::http::detail {

class Session;

// Shared by the acceptor and every connection of one Server; outlives all of them.
struct ServerContext {
  ServerContext(ServerOptions o, Handler h);

  const ServerOptions options;
  const Handler handler;
  std::mutex log_mutex;  // serialises access_log calls so the callback need not be thread-safe

  std::mutex mutex;  // guards stopping and sessions
  bool stopping = false;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;

  // Last member, so it is joined before anything a finishing handler might still touch dies.
  boost::asio::thread_pool workers;
};

// Takes over an accepted socket (whose executor is a strand) and serves requests on it until
// the client leaves, a timeout fires, or the server stops.
void start_session(boost::asio::ip::tcp::socket socket, ServerContext& ctx);

// Graceful stop: idle connections close now, busy ones after their current response.
void stop_sessions(ServerContext& ctx);

}  // namespace jz::http::detail
