#pragma once

// Internal to jz_http (no Boost here, so the tests can use it directly).

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace jz::http::detail {

// Decodes %XX escapes (and '+' as space when plus_as_space, for query strings).
// nullopt on a malformed escape or a decoded NUL: both are signs of an attack, not a typo.
std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space);

struct DecodedTarget {
  std::string path;
  std::multimap<std::string, std::string> query;
};

// "a=1&b=x+y" (a query string, or a form's application/x-www-form-urlencoded body) into
// its decoded pairs; nullopt on a malformed escape or a decoded NUL.
std::optional<std::multimap<std::string, std::string>> decode_pairs(std::string_view raw);

// Splits an origin-form request-target ("/a/b?x=1") into its decoded path and query.
// nullopt (the server answers 400) when the target is not origin-form, an escape is malformed,
// anything decodes to NUL, or a path segment is ".." after decoding (so "%2e%2e" is caught too).
std::optional<DecodedTarget> decode_target(std::string_view target);

}  // namespace jz::http::detail
