#pragma once
// Time limits as the Criminal Procedure Law counts them (art. 105 of the 2018 text, 103 of
// 2012, 78 of 1996): a period in hours starts at the next hour, one in days or months at
// the next day, so the first hour or day is not counted; a period in days or months ends at
// the end of the day it reaches. Times are minutes on the Asia/Shanghai clock (UTC+8; China
// has kept no daylight saving time since 1991, and no clock here is finer than a day before
// that).
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::monitor {

using Minutes = std::int64_t;  // since 1970-01-01 00:00 Asia/Shanghai
constexpr Minutes kMinutesPerDay = 24 * 60;

enum class Unit { kHours, kDays, kMonths };

struct Duration {
  int amount = 0;
  Unit unit = Unit::kDays;
  bool operator==(const Duration&) const = default;
};

// "24 hours", "3 days", "6 months".
Result<Duration> parse_duration(std::string_view text);
std::string to_string(Duration d);

Minutes start_of(std::chrono::sys_days day);
std::chrono::sys_days day_of(Minutes t);
std::string iso_day(std::chrono::sys_days day);  // "2009-06-08"
// Now on the Asia/Shanghai clock.
Minutes shanghai_minutes(std::chrono::system_clock::time_point utc);

// The first moment after a period of `d` that starts at `start` (the limit is kept while
// the time is earlier). Months end on the same day of the month, or on the month's last
// day when it has no such day (2008-12-31 + 2 months: 2009-02-28).
Minutes deadline(Minutes start, Duration d);

}  // namespace jz::monitor
