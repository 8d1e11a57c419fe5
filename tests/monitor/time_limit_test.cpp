// Counting periods as art. 105 of the Criminal Procedure Law does.
#include "monitor/time_limit.hpp"

#include <gtest/gtest.h>

namespace jz::monitor {
namespace {

using namespace std::chrono;

Minutes at(int y, int m, int d, int hour = 0, int minute = 0) {
  return start_of(sys_days(year{y} / m / d)) + hour * 60 + minute;
}
std::string day(Minutes t) {
  return iso_day(day_of(t));
}
// The last day a period in days or months allows.
std::string last_day(Minutes start, const char* period) {
  return day(deadline(start, *parse_duration(period)) - 1);
}

TEST(TimeLimit, ParsesPeriods) {
  EXPECT_EQ(*parse_duration("24 hours"), (Duration{24, Unit::kHours}));
  EXPECT_EQ(*parse_duration("1 month"), (Duration{1, Unit::kMonths}));
  for (const char* bad : {"3", "days 3", "0 days", "-1 days", "3 weeks", "3days", " 3 days"})
    EXPECT_FALSE(parse_duration(bad)) << bad;
  EXPECT_NE(parse_duration("3 weeks").status().message().find("hours, days or months"),
            std::string::npos);
}

TEST(TimeLimit, DaysSkipTheFirstDayAndEndAtMidnight) {
  // Detained on 1 March: "within three days" runs through 4 March.
  EXPECT_EQ(last_day(at(2020, 3, 1, 22, 30), "3 days"), "2020-03-04");
  EXPECT_EQ(last_day(at(2020, 2, 27), "3 days"), "2020-03-01");  // leap year
  EXPECT_EQ(last_day(at(2019, 12, 30), "7 days"), "2020-01-06");
}

TEST(TimeLimit, MonthsEndOnTheSameDayOrTheMonthsLast) {
  EXPECT_EQ(last_day(at(2008, 12, 8), "6 months"), "2009-06-08");  // Liu Xiaobo
  EXPECT_EQ(last_day(at(2019, 8, 31), "6 months"), "2020-02-29");
  EXPECT_EQ(last_day(at(2019, 8, 30), "6 months"), "2020-02-29");
  EXPECT_EQ(last_day(at(2019, 2, 28), "1 month"), "2019-03-31");  // from a month's last day
  EXPECT_EQ(last_day(at(2019, 1, 15), "2 months"), "2019-03-15");
}

TEST(TimeLimit, HoursCountFromTheMoment) {
  EXPECT_EQ(deadline(at(2020, 3, 1, 22, 30), *parse_duration("24 hours")), at(2020, 3, 2, 22, 30));
  EXPECT_EQ(deadline(at(2020, 3, 1, 22, 30), *parse_duration("48 hours")), at(2020, 3, 3, 22, 30));
}

TEST(TimeLimit, ShanghaiIsEightHoursAheadOfUtc) {
  auto utc = sys_days(year{2020} / 3 / 1) + hours(17);  // 17:00 UTC = 01:00 next day
  EXPECT_EQ(shanghai_minutes(utc), at(2020, 3, 2, 1, 0));
  EXPECT_EQ(day(at(1969, 12, 31, 23, 0)), "1969-12-31");
}

}  // namespace
}  // namespace jz::monitor
