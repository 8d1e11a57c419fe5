#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace jz {

namespace {

std::string format(std::chrono::sys_seconds now) {
  auto day = std::chrono::floor<std::chrono::days>(now);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss hms(now - day);
  char buf[64];  // room for any year the types allow
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

}  // namespace

std::string utc_now() {
  return format(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::optional<long long> utc_seconds(std::string_view timestamp) {
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char z = 0;
  std::string text(timestamp);
  if (timestamp.size() != 20 ||
      std::sscanf(text.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
      z != 'Z')
    return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                  std::chrono::day(d)};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  auto at = std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) +
            std::chrono::seconds(s);
  return at.time_since_epoch().count();
}

std::string utc_plus(std::string_view timestamp, long long seconds) {
  auto at = utc_seconds(timestamp);
  if (!at) return "";
  return format(std::chrono::sys_seconds(std::chrono::seconds(*at + seconds)));
}

Clock system_clock() {
  return utc_now;
}
Clock fixed_clock(std::string timestamp) {
  return [t = std::move(timestamp)] { return t; };
}

}  // namespace jz
