#include "monitor/time_limit.hpp"

#include <charconv>
#include <cstdio>

namespace jz::monitor {

using namespace std::chrono;

Result<Duration> parse_duration(std::string_view text) {
  Duration d;
  auto space = text.find(' ');
  if (space == std::string_view::npos)
    return Status::invalid("\"" + std::string(text) + "\" is not a period: write \"3 days\"");
  auto number = text.substr(0, space);
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), d.amount);
  if (ec != std::errc() || end != number.data() + number.size() || d.amount <= 0)
    return Status::invalid("\"" + std::string(text) + "\": the period must start with a number");
  auto unit = text.substr(space + 1);
  if (unit == "hours" || unit == "hour")
    d.unit = Unit::kHours;
  else if (unit == "days" || unit == "day")
    d.unit = Unit::kDays;
  else if (unit == "months" || unit == "month")
    d.unit = Unit::kMonths;
  else
    return Status::invalid("\"" + std::string(text) + "\": the unit must be hours, days or months");
  return d;
}

std::string to_string(Duration d) {
  const char* unit = d.unit == Unit::kHours ? " hour" : d.unit == Unit::kDays ? " day" : " month";
  return std::to_string(d.amount) + unit + (d.amount == 1 ? "" : "s");
}

Minutes start_of(sys_days day) {
  return day.time_since_epoch().count() * kMinutesPerDay;
}

sys_days day_of(Minutes t) {
  auto days = t / kMinutesPerDay - (t % kMinutesPerDay < 0 ? 1 : 0);
  return sys_days(std::chrono::days(days));
}

std::string iso_day(sys_days day) {
  year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

Minutes shanghai_minutes(system_clock::time_point utc) {
  return duration_cast<minutes>(utc.time_since_epoch()).count() + 8 * 60;
}

Minutes deadline(Minutes start, Duration d) {
  if (d.unit == Unit::kHours) return start + Minutes{d.amount} * 60;
  year_month_day from{day_of(start)};
  sys_days last;
  if (d.unit == Unit::kDays) {
    last = sys_days(from) + std::chrono::days(d.amount);
  } else {
    year_month_day to = from + months(d.amount);
    // The start on a month's last day, or a day the target month lacks: its last day.
    bool from_last = year_month_day_last(from.year(), month_day_last(from.month())) == from;
    if (from_last || !to.ok()) to = year_month_day_last(to.year(), month_day_last(to.month()));
    last = sys_days(to);
  }
  return start_of(last) + kMinutesPerDay;
}

}  // namespace jz::monitor
