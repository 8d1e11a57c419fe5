#include "http/call_handler.hpp"

#include <cstdio>
#include <exception>
#include <string>

#include "http/access_log.hpp"
#include "http/error_page.hpp"

namespace jz::http::detail {

namespace {

Response internal_error(const Request& request, std::string_view why,
                        const ServerOptions& options) {
  // One fputs per line so concurrent workers do not interleave halves of lines.
  std::string line = "jz_http: 500 for " + log_safe(request.method) + " " + log_safe(request.path) +
                     ": " + log_safe(why.substr(0, 200), true) + "\n";
  std::fputs(line.c_str(), stderr);
  return server_error(500, options);
}

}  // namespace

Response call_handler(const Handler& handler, const Request& request,
                      const ServerOptions& options) {
  try {
    Response response = handler(request);
    if (response.status < 100 || response.status > 599) {
      return internal_error(request, "handler returned status " + std::to_string(response.status),
                            options);
    }
    return response;
  } catch (const std::exception&) {
    // Not e.what(): a message may quote record content (a JSON error quotes its input), and
    // the log must never hold testimony. The path is enough to reproduce it.
    return internal_error(request, "exception in handler", options);
  } catch (...) {
    return internal_error(request, "unknown exception", options);
  }
}

}  // namespace jz::http::detail
