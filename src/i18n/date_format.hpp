#pragma once
// Dates and durations as sentences in each language: "2008年12月8日" / "8 December 2008",
// "约2008年" / "c. 2008", "2008年12月—2009年6月" / "December 2008 – June 2009". A date says
// no more than its PartialDate knows: a month stays a month.
#include <string>

#include "core/partial_date.hpp"
#include "i18n/lang.hpp"

namespace jz::i18n {

// Approximate dates read "约2008年" / "約2008年" / "c. 2008"; uncertain ones "2008年（存疑）" /
// "2008 (uncertain)". A range joins its ends with "—" / " – "; an open end reads
// "2008年起" / "since 2008" or "至2009年" / "until 2009".
std::string format_date(const jz::PartialDate& date, Lang lang);

// "11年" / "11 years", "1年6个月" / "1年6個月" / "1 year 6 months", "6个月" / "6 months".
// Twelve months or more carry into years. Negative values are a caller's bug and throw
// std::invalid_argument.
std::string format_duration_years_months(int years, int months, Lang lang);

}  // namespace jz::i18n
