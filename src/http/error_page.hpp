#pragma once

// Internal to jz_http; Boost-free.

#include "http/response.hpp"
#include "http/server.hpp"

namespace jz::http::detail {

// The response for an error the server produces itself: 400 (malformed request or target),
// 413 and 431 from the session, and the generic 500 from call_handler. Uses
// options.error_page when set (its status is overridden; if it throws, one stderr line and the
// built-in text), otherwise a short plain-text page in Chinese and English that says what to
// do. Never throws except std::bad_alloc.
Response server_error(int status, const ServerOptions& options);

}  // namespace jz::http::detail
