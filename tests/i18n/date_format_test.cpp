#include "i18n/date_format.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace jz::i18n {
namespace {

struct Case {
  const char* date;  // the PartialDate text form
  const char* zh_hans;
  const char* zh_hant;
  const char* en;
};

TEST(DateFormat, WritesEveryPrecisionFlagAndRangeInThreeLanguages) {
  const Case cases[] = {
      // Precision.
      {"2008", "2008年", "2008年", "2008"},
      {"2008-12", "2008年12月", "2008年12月", "December 2008"},
      {"2008-12-08", "2008年12月8日", "2008年12月8日", "8 December 2008"},
      {"1989-06-04", "1989年6月4日", "1989年6月4日", "4 June 1989"},
      {"2009-01", "2009年1月", "2009年1月", "January 2009"},
      // Approximate, uncertain, both.
      {"2008~", "约2008年", "約2008年", "c. 2008"},
      {"2008-12~", "约2008年12月", "約2008年12月", "c. December 2008"},
      {"2008-12-08~", "约2008年12月8日", "約2008年12月8日", "c. 8 December 2008"},
      {"2008?", "2008年（存疑）", "2008年（存疑）", "2008 (uncertain)"},
      {"2008-12?", "2008年12月（存疑）", "2008年12月（存疑）", "December 2008 (uncertain)"},
      {"2008-12-08?", "2008年12月8日（存疑）", "2008年12月8日（存疑）",
       "8 December 2008 (uncertain)"},
      {"2008%", "约2008年（存疑）", "約2008年（存疑）", "c. 2008 (uncertain)"},
      // Ranges.
      {"2008-12/2009-06", "2008年12月—2009年6月", "2008年12月—2009年6月",
       "December 2008 – June 2009"},
      {"2008/2010", "2008年—2010年", "2008年—2010年", "2008 – 2010"},
      {"2008-12-08/2010-02-11", "2008年12月8日—2010年2月11日", "2008年12月8日—2010年2月11日",
       "8 December 2008 – 11 February 2010"},
      {"2008~/2010?", "约2008年—2010年（存疑）", "約2008年—2010年（存疑）",
       "c. 2008 – 2010 (uncertain)"},
      // Open ends.
      {"2008/..", "2008年起", "2008年起", "since 2008"},
      {"2008-12-08/..", "2008年12月8日起", "2008年12月8日起", "since 8 December 2008"},
      {"../2009", "至2009年", "至2009年", "until 2009"},
      {"../2009-06~", "至约2009年6月", "至約2009年6月", "until c. June 2009"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.date);
    auto date = jz::PartialDate::parse(c.date);
    ASSERT_TRUE(date) << date.status().message();
    EXPECT_EQ(format_date(*date, Lang::kZhHans), c.zh_hans);
    EXPECT_EQ(format_date(*date, Lang::kZhHant), c.zh_hant);
    EXPECT_EQ(format_date(*date, Lang::kEn), c.en);
  }
}

TEST(DateFormat, SaysUnknownForAnOpenPointOnItsOwn) {
  jz::DatePoint open;
  open.open = true;
  auto date = jz::PartialDate::of(open);
  EXPECT_EQ(format_date(date, Lang::kZhHans), "日期不详");
  EXPECT_EQ(format_date(date, Lang::kZhHant), "日期不詳");
  EXPECT_EQ(format_date(date, Lang::kEn), "date unknown");
}

struct Duration {
  int years;
  int months;
  const char* zh_hans;
  const char* zh_hant;
  const char* en;
};

TEST(DateFormat, WritesDurations) {
  const Duration cases[] = {
      {11, 0, "11年", "11年", "11 years"},
      {1, 0, "1年", "1年", "1 year"},
      {1, 6, "1年6个月", "1年6個月", "1 year 6 months"},
      {2, 1, "2年1个月", "2年1個月", "2 years 1 month"},
      {0, 6, "6个月", "6個月", "6 months"},
      {0, 1, "1个月", "1個月", "1 month"},
      {0, 0, "0个月", "0個月", "0 months"},
      {0, 18, "1年6个月", "1年6個月", "1 year 6 months"},
      {3, 24, "5年", "5年", "5 years"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.years) + "y " + std::to_string(c.months) + "m");
    EXPECT_EQ(format_duration_years_months(c.years, c.months, Lang::kZhHans), c.zh_hans);
    EXPECT_EQ(format_duration_years_months(c.years, c.months, Lang::kZhHant), c.zh_hant);
    EXPECT_EQ(format_duration_years_months(c.years, c.months, Lang::kEn), c.en);
  }
}

TEST(DateFormat, RejectsNegativeDurationsAsABug) {
  EXPECT_THROW(format_duration_years_months(-1, 0, Lang::kEn), std::invalid_argument);
  EXPECT_THROW(format_duration_years_months(0, -3, Lang::kZhHans), std::invalid_argument);
}

}  // namespace
}  // namespace jz::i18n
