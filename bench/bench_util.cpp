#include "bench_util.hpp"

#include <sqlite3.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace jz::bench {

std::string first_line_with(const char* file, const char* key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      auto colon = line.find(':');
      std::string v = colon == std::string::npos ? line : line.substr(colon + 1);
      v.erase(0, v.find_first_not_of(" \t"));
      return v;
    }
  }
  return "?";
}

std::string describe_machine() {
  std::ostringstream o;
  utsname u{};
  uname(&u);
  o << "machine   " << sysconf(_SC_NPROCESSORS_ONLN) << " cores (nproc), "
    << first_line_with("/proc/cpuinfo", "model name") << ", "
    << first_line_with("/proc/meminfo", "MemTotal") << " RAM\n"
    << "system    " << u.sysname << " " << u.release << ", SQLite " << sqlite3_libversion()
    << ", compiler " << __VERSION__ <<
#ifdef NDEBUG
      ", NDEBUG"
#else
      ", assertions on"
#endif
    << "\n";
  return o.str();
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

long rss_now_kib() {
  std::string v = first_line_with("/proc/self/status", "VmRSS");
  return std::atol(v.c_str());
}

std::uint64_t file_size(const std::string& path) {
  std::error_code ec;
  auto n = std::filesystem::file_size(path, ec);
  return ec ? 0 : n;
}

std::string fmt(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  // Thousands separators on the integer part.
  const std::string s = buf;
  const std::size_t start = s[0] == '-' ? 1 : 0;
  const std::size_t int_end = std::min(s.find('.'), s.size());
  std::string out = s.substr(0, start);
  for (std::size_t i = start; i < int_end; ++i) {
    if (i > start && (int_end - i) % 3 == 0) out += ',';
    out += s[i];
  }
  out += s.substr(int_end);
  return out;
}

std::string mib(double kib) {
  return fmt(kib / 1024.0, 1) + " MiB";
}

std::vector<Utf8Char> characters(std::string_view s) {
  std::vector<Utf8Char> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back({i, n, cp});
    i += n;
  }
  return out;
}

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2A6DF);
}

bool is_name_separator(char32_t cp) {
  return cp == U'•' || cp == U'·' || cp == U'﹒' || cp == U'.' || cp == U'（' || cp == U'）' ||
         cp == U'(' || cp == U')' || cp == U' ';
}

}  // namespace jz::bench
