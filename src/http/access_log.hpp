#pragma once

// Internal to jz_http.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace jz::http::detail {

// "<ISO-8601 UTC time> <method> <path> <status> <bytes> <ms>ms". Deliberately has no slot for
// the client address, query string, cookies or body: people named in the records, and the
// people looking them up, must not be traceable from our logs.
std::string format_access_line(std::chrono::system_clock::time_point when, std::string_view method,
                               std::string_view path, int status, std::size_t bytes,
                               std::chrono::milliseconds elapsed);

// Escapes control bytes, backslashes and (unless keep_spaces) spaces as \xHH, so a decoded
// path ("%0A") cannot forge log lines or shift fields. UTF-8 (Chinese paths) is unchanged.
std::string log_safe(std::string_view text, bool keep_spaces = false);

}  // namespace jz::http::detail
