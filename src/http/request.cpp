#include "http/request.hpp"

#include <algorithm>

#include "http/ascii_case.hpp"

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

}  // namespace jz::http
