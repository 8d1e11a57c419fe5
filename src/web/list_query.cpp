#include "web/list_query.hpp"

#include <charconv>

namespace jz::web {

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::optional<std::int64_t> whole_number_param(const http::Request& request, std::string_view name,
                                               std::int64_t absent, std::int64_t lo,
                                               std::int64_t hi) {
  std::string text = request.param(name);
  if (text.empty()) return absent;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < lo || n > hi)
    return std::nullopt;
  return n;
}

std::string query_with(const http::Request& request, std::string_view name,
                       std::string_view value) {
  std::string out;
  for (const auto& [k, v] : request.query) {
    if (k == "page" || k == name || v.empty()) continue;
    out += (out.empty() ? "?" : "&") + percent_encode(k) + "=" + percent_encode(v);
  }
  if (!value.empty())
    out += (out.empty() ? "?" : "&") + percent_encode(name) + "=" + percent_encode(value);
  return out;
}

std::string query_with_page(const http::Request& request, std::int64_t page) {
  return query_with(request, "page", page > 1 ? std::to_string(page) : "");
}

nlohmann::json pagination(const Call& call, std::int64_t total, std::int64_t page,
                          std::int64_t page_size) {
  std::int64_t count = std::max<std::int64_t>(1, (total + page_size - 1) / page_size);
  nlohmann::json out = {{"current", page},
                        {"count", count},
                        {"total", total},
                        {"label", call.t("ui.pages_label")},
                        {"total_label", call.t("ui.total_records")}};
  const std::string& path = call.request.path;
  if (page > 1)
    out["prev"] = {{"href", path + query_with_page(call.request, page - 1)},
                   {"label", call.t("ui.page_prev")}};
  if (page < count)
    out["next"] = {{"href", path + query_with_page(call.request, page + 1)},
                   {"label", call.t("ui.page_next")}};
  if (count > 1) out["many"] = true;
  return out;
}

}  // namespace jz::web
