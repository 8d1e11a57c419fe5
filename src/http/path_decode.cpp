#include "http/path_decode.hpp"

namespace jz::http::detail {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool has_dot_dot_segment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (in.size() - i < 3) return std::nullopt;  // fewer than two hex digits follow
      int hi = hex_value(in[i + 1]);
      int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_as_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

std::optional<DecodedTarget> decode_target(std::string_view target) {
  // Absolute-form ("http://host/x") and "*" are only meaningful to proxies; refusing them keeps
  // handlers from ever seeing a path that does not start with '/'.
  if (target.empty() || target.front() != '/') return std::nullopt;

  DecodedTarget result;
  std::size_t qmark = target.find('?');
  std::string_view raw_path = target.substr(0, qmark);
  auto path = percent_decode(raw_path, false);
  if (!path || has_dot_dot_segment(*path)) return std::nullopt;
  result.path = std::move(*path);

  if (qmark == std::string_view::npos) return result;
  auto query = decode_pairs(target.substr(qmark + 1));
  if (!query) return std::nullopt;
  result.query = std::move(*query);
  return result;
}

std::optional<std::multimap<std::string, std::string>> decode_pairs(std::string_view raw) {
  std::multimap<std::string, std::string> out;
  while (!raw.empty()) {
    std::size_t amp = raw.find('&');
    std::string_view pair = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2"
    std::size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    out.emplace(std::move(*key), std::move(*value));
  }
  return out;
}

}  // namespace jz::http::detail
