#include "web/review_calendar.hpp"

#include <chrono>
#include <cstdio>

namespace jz::web {
namespace {

constexpr std::size_t kMaxOctets = 75;

// "20091109" for a DATE value.
std::string ical_date(std::chrono::sys_days day) {
  std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// "2024-01-02T03:04:05Z" -> "20240102T030405Z"; a time that is not in that form (never
// written by the store) gives the epoch, so the file still parses.
std::string ical_stamp(std::string_view utc) {
  std::string out;
  for (char c : utc)
    if (c != '-' && c != ':') out += c;
  if (out.size() != 16 || out[8] != 'T' || out[15] != 'Z') return "19700101T000000Z";
  return out;
}

// Where a UTF-8 string may be cut: not before a continuation byte.
bool starts_character(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

}  // namespace

std::string ical_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') continue;
        out += c;
    }
  }
  return out;
}

std::string ical_line(std::string_view content) {
  std::string out;
  std::size_t limit = kMaxOctets;  // the first line; later ones lose one octet to the space
  while (content.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && !starts_character(content[cut])) --cut;
    out.append(content.substr(0, cut));
    out += "\r\n ";
    content.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(content);
  out += "\r\n";
  return out;
}

std::string ical_calendar(std::string_view name, const std::vector<CalendarEvent>& events,
                          const CalendarWords& words) {
  std::string out;
  out += ical_line("BEGIN:VCALENDAR");
  out += ical_line("VERSION:2.0");
  out += ical_line("PRODID:-//Jianzheng//Review calendar//EN");
  out += ical_line("CALSCALE:GREGORIAN");
  out += ical_line("METHOD:PUBLISH");
  out += ical_line("X-WR-CALNAME:" + ical_text(name));
  for (const auto& e : events) {
    // The day it starts: the first the date may mean ("2009-02" is 1 February). A range of
    // two exact days spans them; anything less precise is one day, with a note saying so.
    const DatePoint& first = e.date.from().open ? e.date.to() : e.date.from();
    const DatePoint& last = e.date.is_range() && !e.date.to().open ? e.date.to() : first;
    auto start = first.earliest();
    auto end = start + std::chrono::days(1);
    std::string note;
    if (first.precision() == Precision::kYear) {
      note = words.approximate_year;
    } else if (first.precision() == Precision::kMonth) {
      note = words.approximate_month;
    } else if (first.approximate || first.uncertain || e.date.from().open ||
               last.precision() != Precision::kDay || last.approximate || last.uncertain) {
      note = words.approximate;
    } else if (last.earliest() > start) {
      end = last.earliest() + std::chrono::days(1);
    }
    std::string description;
    for (const auto& line : e.description) {
      if (line.empty()) continue;
      description += (description.empty() ? "" : "\n") + line;
    }
    if (!note.empty()) description += (description.empty() ? "" : "\n") + note;

    out += ical_line("BEGIN:VEVENT");
    out += ical_line("UID:" + e.uid);
    out += ical_line("DTSTAMP:" + ical_stamp(e.updated));
    out += ical_line("LAST-MODIFIED:" + ical_stamp(e.updated));
    out += ical_line("DTSTART;VALUE=DATE:" + ical_date(start));
    out += ical_line("DTEND;VALUE=DATE:" + ical_date(end));
    out += ical_line("SUMMARY:" + ical_text(e.summary));
    if (!description.empty()) out += ical_line("DESCRIPTION:" + ical_text(description));
    out += ical_line("TRANSP:TRANSPARENT");
    out += ical_line("END:VEVENT");
  }
  out += ical_line("END:VCALENDAR");
  return out;
}

}  // namespace jz::web
