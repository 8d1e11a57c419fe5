#pragma once

// Internal to jz_http.

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/server.hpp"

namespace jz::http::detail {

// Runs the handler and never throws: an escaping exception or an impossible status becomes a
// generic 500 (server_error(), so options.error_page applies), with one line on stderr naming
// the path (never the body or query, which may hold personal data).
Response call_handler(const Handler& handler, const Request& request, const ServerOptions& options);

}  // namespace jz::http::detail
