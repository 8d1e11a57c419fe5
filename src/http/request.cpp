#include "http/request.hpp"

#include <algorithm>

#include "http/ascii_case.hpp"
#include "http/path_decode.hpp"

namespace jz::http {

// Stored names are lower-case already; comparing case-insensitively also forgives callers
// that write "Content-Type".
std::string Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (detail::iequals(key, name)) return value;
  }
  return {};
}

std::string Request::param(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string() : it->second;
}

std::multimap<std::string, std::string> Request::form() const {
  std::string type = header("content-type");
  if (type.substr(0, type.find(';')) != "application/x-www-form-urlencoded") return {};
  auto fields = detail::decode_pairs(body);
  return fields ? std::move(*fields) : std::multimap<std::string, std::string>();
}

std::string Request::form_field(std::string_view name) const {
  auto fields = form();
  auto it = fields.find(std::string(name));
  return it == fields.end() ? std::string() : it->second;
}

std::string Request::cookie(std::string_view name) const {
  // Cookie: a=1; b=2 (RFC 6265 section 5.4); a browser sends one Cookie header.
  const std::string all = header("cookie");
  std::string_view list = all;
  while (!list.empty()) {
    std::size_t semi = list.find(';');
    std::string_view pair = list.substr(0, semi);
    list = semi == std::string_view::npos ? std::string_view() : list.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
  }
  return {};
}

}  // namespace jz::http
