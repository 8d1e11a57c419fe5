#pragma once
// Case-insensitive ASCII comparison for header names (HTTP field names are ASCII and
// case-insensitive; locale-aware functions would be wrong here).
#include <algorithm>
#include <string_view>

namespace jz::http::detail {

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

}  // namespace jz::http::detail
