#pragma once
// The review calendar as iCalendar (RFC 5545), for /{lang}/reviews.ics: one all-day event per
// review. Pure: no store, no clock. Everything in it comes from the records (DTSTAMP is the
// record's last change, not the time of the request), so the same data gives the same bytes
// and calendar programs see an event change only when its record did.
#include <string>
#include <string_view>
#include <vector>

#include "core/partial_date.hpp"

namespace jz::web {

struct CalendarEvent {
  std::string uid;      // "v0123456789@jianzheng"
  std::string updated;  // the record's "YYYY-MM-DDTHH:MM:SSZ": DTSTAMP and LAST-MODIFIED
  PartialDate date;     // a year or month becomes its first day; a range spans its days
  std::string summary;
  // Plain text, one paragraph a line; the writer adds the note for an approximate date.
  std::vector<std::string> description;
};

// What a calendar says about dates it could not give to the day, in the reader's language.
struct CalendarWords {
  std::string approximate_month;  // "date approximate (month)"
  std::string approximate_year;   // "date approximate (year)"
  std::string approximate;        // "date approximate": marked ~ or ? in the record
};

// The whole calendar: VCALENDAR with X-WR-CALNAME `name`, the events in the order given.
// Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character).
std::string ical_calendar(std::string_view name, const std::vector<CalendarEvent>& events,
                          const CalendarWords& words);

// A TEXT value escaped as RFC 5545 §3.3.11 says: \\ \; \, and \n for a line break.
std::string ical_text(std::string_view text);

// "NAME:value" folded into lines of at most 75 octets, each ending in CRLF; continuation
// lines start with one space.
std::string ical_line(std::string_view content);

}  // namespace jz::web
