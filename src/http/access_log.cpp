#include "http/access_log.hpp"

#include <ctime>

namespace jz::http::detail {

std::string format_access_line(std::chrono::system_clock::time_point when, std::string_view method,
                               std::string_view path, int status, std::size_t bytes,
                               std::chrono::milliseconds elapsed) {
  std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);

  std::string line = stamp;
  line += ' ';
  line += log_safe(method);
  line += ' ';
  line += log_safe(path);
  line += ' ';
  line += std::to_string(status);
  line += ' ';
  line += std::to_string(bytes);
  line += ' ';
  line += std::to_string(elapsed.count());
  line += "ms";
  return line;
}

std::string log_safe(std::string_view text, bool keep_spaces) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '\\' || (c == ' ' && !keep_spaces)) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace jz::http::detail
