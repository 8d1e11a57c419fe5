#include "core/partial_date.hpp"

#include <gtest/gtest.h>

namespace jz {
namespace {

struct Valid {
  const char* input;
  const char* canonical;
  const char* earliest;
  const char* latest;
};

std::string day(std::chrono::sys_days d) {
  std::chrono::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

TEST(PartialDate, ReadsEveryPrecisionWithoutInventingADay) {
  const Valid cases[] = {
      {"2009", "2009", "2009-01-01", "2009-12-31"},
      {"2009-06", "2009-06", "2009-06-01", "2009-06-30"},
      {"2009-06-23", "2009-06-23", "2009-06-23", "2009-06-23"},
      {"2008-02", "2008-02", "2008-02-01", "2008-02-29"},
      {"2008-02-29", "2008-02-29", "2008-02-29", "2008-02-29"},
      {"2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29"},
      {"2009~", "2009~", "2009-01-01", "2009-12-31"},
      {"2009-06?", "2009-06?", "2009-06-01", "2009-06-30"},
      {"2009%", "2009%", "2009-01-01", "2009-12-31"},
      {"2008-12/2009-06-23", "2008-12/2009-06-23", "2008-12-01", "2009-06-23"},
      {"../2010-05-10", "../2010-05-10", "0001-01-01", "2010-05-10"},
      {"1989-06-04/..", "1989-06-04/..", "1989-06-04", "9999-12-31"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto d = PartialDate::parse(c.input);
    ASSERT_TRUE(d) << d.status().message();
    EXPECT_EQ(d->to_string(), c.canonical);
    EXPECT_EQ(day(d->earliest()), c.earliest);
    EXPECT_EQ(day(d->latest()), c.latest);
  }
}

TEST(PartialDate, MonthPrecisionIsNotAnExactDay) {
  EXPECT_TRUE(PartialDate::parse("2009-06-23")->is_exact_day());
  EXPECT_FALSE(PartialDate::parse("2009-06")->is_exact_day());
  EXPECT_FALSE(PartialDate::parse("2009-06-23~")->is_exact_day());
  EXPECT_FALSE(PartialDate::parse("2009-06-23/2009-06-24")->is_exact_day());
}

struct Invalid {
  const char* input;
  const char* says;  // a part of the message that tells the user what to do
};

TEST(PartialDate, RefusesBadDatesWithAMessageThatSaysWhatToWrite) {
  const Invalid cases[] = {
      {"1989-13", "month 13 is not between 01 and 12"},
      {"2009-02-30", "2009-02 has 28 days"},
      {"1900-02-29", "1900-02 has 28 days"},
      {"2009-04-31", "2009-04 has 30 days"},
      {"circa 2009", "\"2009~\""},
      {"about 1990", "\"1990~\""},
      {"2009-6", "two digits"},
      {"09-06-23", "four digits"},
      {"19812", "four digits"},
      {"2009-06-23-01", "YYYY-MM-DD"},
      {"", "empty date"},
      {"0000", "year 0000 does not exist"},
      {"2010/2009", "ends before it starts"},
      {"../..", "at least one known end"},
      {"..", "only allowed as one end of a range"},
      {"2009-00", "month 00"},
      {"2009-06-00", "has 30 days"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto d = PartialDate::parse(c.input);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.status().code(), Code::kInvalid);
    EXPECT_NE(d.status().message().find(c.says), std::string::npos) << d.status().message();
  }
}

TEST(PartialDate, OrdersChronologicallyThenByPrecision) {
  auto p = [](const char* s) { return *PartialDate::parse(s); };
  EXPECT_LT(p("2008"), p("2009"));
  EXPECT_LT(p("2009-01"), p("2009"));  // same start, the narrower span first
  EXPECT_LT(p("2009-01-01"), p("2009-01"));
  EXPECT_LT(p("2009-06"), p("2009-06-23"));  // June 1st starts earlier than June 23rd
  EXPECT_LT(p("2008-12/2009-06"), p("2009"));
  EXPECT_EQ(p("2009") <=> p("2009"), std::strong_ordering::equal);
  EXPECT_NE(p("2009") <=> p("2009~"), std::strong_ordering::equal);
}

}  // namespace
}  // namespace jz
