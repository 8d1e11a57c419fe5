#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace jz {

std::string utc_now() {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto day = std::chrono::floor<std::chrono::days>(now);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss hms(now - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

Clock system_clock() {
  return utc_now;
}
Clock fixed_clock(std::string timestamp) {
  return [t = std::move(timestamp)] { return t; };
}

}  // namespace jz
