#include "core/partial_date.hpp"

#include <charconv>
#include <cstdio>

namespace jz {
namespace {

namespace cr = std::chrono;

constexpr std::string_view kForms =
    "write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate or ? for uncertain "
    "(\"2009~\"), or a range \"2008-12/2009-06\" (\"..\" for an open end)";

std::string quoted(std::string_view s) {
  // Appending, not "\"" + s + "\"": GCC 12 at -O3 warns falsely (-Wrestrict) on the latter.
  std::string q(1, '"');
  q.append(s);
  q += '"';
  return q;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Result<DatePoint> parse_point(std::string_view text, std::string_view whole) {
  DatePoint p;
  if (text == "..") {
    p.open = true;
    return p;
  }
  std::string_view s = text;
  while (!s.empty() && (s.back() == '~' || s.back() == '?' || s.back() == '%')) {
    char q = s.back();
    if (q == '~' || q == '%') p.approximate = true;
    if (q == '?' || q == '%') p.uncertain = true;
    s.remove_suffix(1);
  }
  const std::string bad = quoted(whole) + " is not a date: ";
  if (s.size() >= 4 && !all_digits(s.substr(0, 1))) {
    // Words such as "circa 2009", "about 1990", "Spring 2003".
    std::size_t digits = s.find_first_of("0123456789");
    if (digits != std::string_view::npos && s.size() - digits >= 4 &&
        all_digits(s.substr(digits, 4)))
      return Status::invalid(bad + "words are not read as dates; for an approximate date write " +
                             quoted(std::string(s.substr(digits, 4)) + "~"));
  }
  std::string_view parts[3];
  int n = 0;
  std::size_t start = 0;
  while (n < 3) {
    std::size_t dash = s.find('-', start);
    parts[n++] = s.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
    if (n == 3) return Status::invalid(bad + std::string(kForms));
  }
  if (parts[0].size() != 4 || !all_digits(parts[0]))
    return Status::invalid(bad + "the year must have four digits; " + std::string(kForms));
  p.year = to_int(parts[0]);
  if (p.year < 1) return Status::invalid(bad + "year 0000 does not exist");
  if (n >= 2) {
    if (parts[1].size() != 2 || !all_digits(parts[1]))
      return Status::invalid(bad + "the month must have two digits (\"" + std::string(parts[0]) +
                             "-06\")");
    p.month = to_int(parts[1]);
    if (p.month < 1 || p.month > 12)
      return Status::invalid(bad + "month " + std::string(parts[1]) + " is not between 01 and 12");
  }
  if (n == 3) {
    if (parts[2].size() != 2 || !all_digits(parts[2]))
      return Status::invalid(bad + "the day must have two digits");
    p.day = to_int(parts[2]);
    auto last = cr::year(p.year) / cr::month(p.month) / cr::last;
    int days_in_month = static_cast<int>(static_cast<unsigned>(last.day()));
    if (p.day < 1 || p.day > days_in_month)
      return Status::invalid(bad + std::string(parts[0]) + "-" + std::string(parts[1]) + " has " +
                             std::to_string(days_in_month) + " days");
  }
  return p;
}

}  // namespace

std::chrono::sys_days DatePoint::earliest() const {
  if (open) return cr::sys_days(cr::year(1) / 1 / 1);
  return cr::sys_days(cr::year(year) / cr::month(month ? month : 1) / cr::day(day ? day : 1));
}

std::chrono::sys_days DatePoint::latest() const {
  if (open) return cr::sys_days(cr::year(9999) / 12 / 31);
  if (day) return earliest();
  return cr::sys_days(cr::year(year) / cr::month(month ? month : 12) / cr::last);
}

std::string DatePoint::to_string() const {
  if (open) return "..";
  char buf[16];
  if (day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d", year);
  std::string s = buf;
  if (approximate && uncertain)
    s += '%';
  else if (approximate)
    s += '~';
  else if (uncertain)
    s += '?';
  return s;
}

Result<PartialDate> PartialDate::parse(std::string_view text) {
  if (text.empty()) return Status::invalid("empty date; " + std::string(kForms));
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    auto p = parse_point(text, text);
    if (!p) return p.status();
    if (p->open) return Status::invalid("\"..\" is only allowed as one end of a range");
    return PartialDate(*p, *p, false);
  }
  auto a = parse_point(text.substr(0, slash), text);
  if (!a) return a.status();
  auto b = parse_point(text.substr(slash + 1), text);
  if (!b) return b.status();
  if (a->open && b->open)
    return Status::invalid(quoted(text) + ": a range needs at least one known end");
  if (!a->open && !b->open && b->latest() < a->earliest())
    return Status::invalid(quoted(text) + ": the range ends before it starts");
  return PartialDate(*a, *b, true);
}

std::chrono::sys_days PartialDate::earliest() const {
  return from_.earliest();
}
std::chrono::sys_days PartialDate::latest() const {
  return range_ ? to_.latest() : from_.latest();
}

std::string PartialDate::to_string() const {
  return range_ ? from_.to_string() + "/" + to_.to_string() : from_.to_string();
}

std::strong_ordering PartialDate::operator<=>(const PartialDate& other) const {
  if (auto c = earliest() <=> other.earliest(); c != 0) return c;
  if (auto c = latest() <=> other.latest(); c != 0) return c;
  return to_string() <=> other.to_string();
}

}  // namespace jz
