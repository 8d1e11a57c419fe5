#pragma once
// What the benchmarks share: a seeded random generator that gives the same numbers with
// every standard library, the description of the machine and its load that every output
// starts with, and number formatting.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jz::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// splitmix64 with a fixed seed; not <random>'s distributions, whose output differs
// between standard libraries.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is below 2^-40 for the pool sizes used here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

// The value after "key:" on the first line of `file` that starts with `key`, or "?".
std::string first_line_with(const char* file, const char* key);
// "machine ..." and "system ..." lines: cores, CPU, RAM, kernel, SQLite, compiler.
std::string describe_machine();
// The three load averages from /proc/loadavg.
std::string load_average();
long rss_now_kib();
std::uint64_t file_size(const std::string& path);

// 1234567.8 -> "1,234,568" (decimals = 0) or "1,234,567.80" (decimals = 2).
std::string fmt(double v, int decimals = 0);

// One character of UTF-8 text: where it starts, its length in bytes, its code point.
struct Utf8Char {
  std::size_t start = 0, size = 0;
  char32_t cp = 0;
};
std::vector<Utf8Char> characters(std::string_view s);
bool is_han(char32_t cp);
// Separators inside transliterated CPPC names and around bracketed aliases.
bool is_name_separator(char32_t cp);
std::string mib(double kib);

}  // namespace jz::bench
