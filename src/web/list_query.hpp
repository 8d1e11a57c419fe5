#pragma once
// Paging for lists and the read API: ?page=N (1-based), and the links to other pages.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "http/request.hpp"
#include "web/call.hpp"

namespace jz::web {

// The ?page= parameter: 1 when absent, nothing when it is not a whole number from 1 to
// 100000.
std::optional<std::int64_t> page_number(const http::Request& request);

// {"current", "count", "prev", "next"}: hrefs keep the other query parameters.
nlohmann::json pagination(const Call& call, std::int64_t total, std::int64_t page,
                          std::int64_t page_size);

// The request's query with `page` replaced (dropped for page 1), percent-encoded again.
std::string query_with_page(const http::Request& request, std::int64_t page);

}  // namespace jz::web
