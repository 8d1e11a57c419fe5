#pragma once
// PartialDate: a date as precise as the evidence and no more. Year, year-month or full date,
// optionally approximate (~) or uncertain (?), or a range of two such dates with open ends
// (".."). The text form is a subset of EDTF (ISO 8601-2) so other tools can read it.
#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz {

enum class Precision { kYear, kMonth, kDay };

struct DatePoint {
  bool open = false;  // ".." in a range: no bound on this side
  int year = 0;
  int month = 0;  // 0 when only the year is known
  int day = 0;    // 0 when the day is not known
  bool approximate = false;
  bool uncertain = false;

  Precision precision() const {
    return day ? Precision::kDay : month ? Precision::kMonth : Precision::kYear;
  }
  std::chrono::sys_days earliest() const;  // first day the point may mean
  std::chrono::sys_days latest() const;    // last day the point may mean
  std::string to_string() const;
  bool operator==(const DatePoint&) const = default;
};

class PartialDate {
 public:
  // Parses the text form; the error says what is wrong and how to write it instead.
  static Result<PartialDate> parse(std::string_view text);
  static PartialDate of(DatePoint p) { return PartialDate(p, p, false); }

  bool is_range() const { return range_; }
  const DatePoint& from() const { return from_; }
  const DatePoint& to() const { return to_; }
  // The span of days this date may mean; open ends reach the far past or future.
  std::chrono::sys_days earliest() const;
  std::chrono::sys_days latest() const;
  bool is_exact_day() const {
    return !range_ && from_.precision() == Precision::kDay && !from_.approximate &&
           !from_.uncertain;
  }
  std::string to_string() const;

  bool operator==(const PartialDate&) const = default;
  // Chronological: by earliest day, then by latest day (the more precise date first).
  std::strong_ordering operator<=>(const PartialDate& other) const;

 private:
  PartialDate(DatePoint f, DatePoint t, bool range) : from_(f), to_(t), range_(range) {}
  DatePoint from_;
  DatePoint to_;
  bool range_ = false;
};

}  // namespace jz
