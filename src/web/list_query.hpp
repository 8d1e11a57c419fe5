#pragma once
// Paging for lists, search and the read API: ?page=N (1-based), and the links to other pages
// and to other filter choices.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "http/request.hpp"
#include "web/call.hpp"

namespace jz::web {

// `s` as a URL query value: letters, digits and -_.~ as they are, every other byte %XX.
std::string percent_encode(std::string_view s);

// A whole-number query parameter: `absent` when it is missing, nothing when it is not a
// whole number from `lo` to `hi`.
std::optional<std::int64_t> whole_number_param(const http::Request& request, std::string_view name,
                                               std::int64_t absent, std::int64_t lo,
                                               std::int64_t hi);

// The ?page= parameter: 1 when absent, nothing unless a whole number from 1 to 100000.
inline std::optional<std::int64_t> page_number(const http::Request& request) {
  return whole_number_param(request, "page", 1, 1, 100000);
}

// {"current", "count", "prev", "next"}: hrefs keep the other query parameters.
nlohmann::json pagination(const Call& call, std::int64_t total, std::int64_t page,
                          std::int64_t page_size);

// The request's query with `page` replaced (dropped for page 1), percent-encoded again.
std::string query_with_page(const http::Request& request, std::int64_t page);

// The request's query with parameter `name` set to `value` (dropped when empty) and back on
// the first page: the link of a filter choice.
std::string query_with(const http::Request& request, std::string_view name, std::string_view value);

}  // namespace jz::web
