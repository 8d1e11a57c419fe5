#include "http/security_headers.hpp"

#include <algorithm>

#include <array>
#include "http/ascii_case.hpp"

namespace jz::http::detail {

namespace {

// Pages are server-rendered HTML with local CSS and images and no scripts, so everything
// else is denied; frame-ancestors and X-Frame-Options both block clickjacking (old browsers).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kDefaults{{
    {"Content-Security-Policy",
     "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
     "frame-ancestors 'none'; base-uri 'none'"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
}};

// RFC 9110 token characters.
bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

}  // namespace

bool has_header(const HeaderList& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

void add_security_headers(HeaderList& headers) {
  for (const auto& [name, value] : kDefaults) {
    if (!has_header(headers, name)) headers.emplace_back(name, value);
  }
}

bool is_safe_header(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) return false;
  return std::none_of(value.begin(), value.end(),
                      [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

}  // namespace jz::http::detail
