#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <thread>

#include "http/server.hpp"

namespace jz::http {

// A private io_context with a signal_set: asio turns the signal into an ordinary callback on
// a normal thread, where calling stop() (mutexes, allocation) is safe, unlike in a raw
// signal handler.
int run_until_signal(Server& server) {
  if (server.port() == 0) {
    std::fputs("jz_http: run_until_signal called on a server that is not running\n", stderr);
    return 1;
  }
  boost::asio::io_context ioc(1);
  boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&server](const boost::system::error_code& ec, int) {
    if (!ec) server.stop();
  });
  std::thread signal_thread([&ioc] { ioc.run(); });

  server.wait();  // returns after the signal, or after someone else called stop()

  boost::system::error_code ignored;
  signals.cancel(ignored);
  ioc.stop();
  signal_thread.join();
  return 0;
}

}  // namespace jz::http
