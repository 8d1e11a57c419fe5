#include "i18n/date_format.hpp"

#include <array>
#include <stdexcept>
#include <string_view>

namespace jz::i18n {
namespace {

// The few words dates need. zh-Hant is written out here rather than converted by OpenCC at
// run time, so formatting a date needs no converter.
struct ChineseWords {
  std::string_view approximate;  // before the date
  std::string_view uncertain;    // after the date
  std::string_view months_unit;  // 6个月
  std::string_view unknown;      // a range open at both ends
};

constexpr ChineseWords kSimplified{"约", "（存疑）", "个月", "日期不详"};
constexpr ChineseWords kTraditional{"約", "（存疑）", "個月", "日期不詳"};

constexpr std::array<std::string_view, 12> kEnglishMonths{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

const ChineseWords& chinese_words(Lang lang) {
  return lang == Lang::kZhHant ? kTraditional : kSimplified;
}

std::string month_name(int month) {
  if (month < 1 || month > 12) return std::to_string(month);  // not from a parsed date
  return std::string(kEnglishMonths[static_cast<std::size_t>(month - 1)]);
}

std::string chinese_point(const jz::DatePoint& p, const ChineseWords& w) {
  std::string s;
  if (p.approximate) s += w.approximate;
  s += std::to_string(p.year) + "年";
  if (p.month) s += std::to_string(p.month) + "月";
  if (p.month && p.day) s += std::to_string(p.day) + "日";
  if (p.uncertain) s += w.uncertain;
  return s;
}

std::string english_point(const jz::DatePoint& p) {
  std::string s;
  if (p.approximate) s += "c. ";
  if (p.month && p.day) s += std::to_string(p.day) + " ";
  if (p.month) s += month_name(p.month) + " ";
  s += std::to_string(p.year);
  if (p.uncertain) s += " (uncertain)";
  return s;
}

std::string format_chinese(const jz::PartialDate& date, const ChineseWords& w) {
  const jz::DatePoint& from = date.from();
  const jz::DatePoint& to = date.to();
  if (!date.is_range()) return from.open ? std::string(w.unknown) : chinese_point(from, w);
  if (from.open && to.open) return std::string(w.unknown);
  if (from.open) return "至" + chinese_point(to, w);
  if (to.open) return chinese_point(from, w) + "起";
  return chinese_point(from, w) + "—" + chinese_point(to, w);
}

std::string format_english(const jz::PartialDate& date) {
  const jz::DatePoint& from = date.from();
  const jz::DatePoint& to = date.to();
  if (!date.is_range()) return from.open ? "date unknown" : english_point(from);
  if (from.open && to.open) return "date unknown";
  if (from.open) return "until " + english_point(to);
  if (to.open) return "since " + english_point(from);
  return english_point(from) + " – " + english_point(to);
}

}  // namespace

std::string format_date(const jz::PartialDate& date, Lang lang) {
  if (lang == Lang::kEn) return format_english(date);
  return format_chinese(date, chinese_words(lang));
}

std::string format_duration_years_months(int years, int months, Lang lang) {
  if (years < 0 || months < 0)
    throw std::invalid_argument("format_duration_years_months: negative duration " +
                                std::to_string(years) + "y " + std::to_string(months) + "m");
  const long long total_years = static_cast<long long>(years) + months / 12;
  months %= 12;
  if (lang == Lang::kEn) {
    auto count = [](long long n, std::string_view unit) {
      return std::to_string(n) + " " + std::string(unit) + (n == 1 ? "" : "s");
    };
    if (total_years && months) return count(total_years, "year") + " " + count(months, "month");
    if (total_years) return count(total_years, "year");
    return count(months, "month");
  }
  const ChineseWords& w = chinese_words(lang);
  if (total_years && months)
    return std::to_string(total_years) + "年" + std::to_string(months) + std::string(w.months_unit);
  if (total_years) return std::to_string(total_years) + "年";
  return std::to_string(months) + std::string(w.months_unit);
}

}  // namespace jz::i18n
