#pragma once

// Internal to jz_http.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jz::http::detail {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

bool has_header(const HeaderList& headers, std::string_view name);  // case-insensitive

// Appends the hardening headers every page should carry, except those the handler set itself
// (a page that embeds an image from elsewhere may need its own Content-Security-Policy).
void add_security_headers(HeaderList& headers);

// A header the handler built from user input must not smuggle in a second header or a body.
bool is_safe_header(std::string_view name, std::string_view value);

}  // namespace jz::http::detail
