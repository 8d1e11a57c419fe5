#include "web/legal_clock.hpp"

#include <algorithm>

#include "i18n/date_format.hpp"
#include "publish/case_clocks.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using monitor::Clock;
using monitor::ClockState;
using monitor::Reason;
using nlohmann::json;

namespace {

std::string day_text(const Call& call, std::chrono::sys_days day) {
  std::chrono::year_month_day ymd{day};
  DatePoint p{.year = int(ymd.year()),
              .month = int(unsigned(ymd.month())),
              .day = int(unsigned(ymd.day()))};
  return i18n::format_date(PartialDate::of(p), call.lang);
}

// "15" or "0–4".
std::string range(std::int64_t lo, std::int64_t hi) {
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi);
}

std::string period(const Call& call, monitor::Duration d) {
  std::string n = std::to_string(d.amount);
  switch (d.unit) {
    case monitor::Unit::kHours:
      return call.t("clock.hours", n);
    case monitor::Unit::kDays:
      return call.t("clock.days", n);
    case monitor::Unit::kMonths:
      return call.t("clock.months", n);
  }
  return n;
}

// How much over, or how long left, or how long held, in the clock's unit.
std::string amount_text(const Call& call, const Clock& c) {
  auto [lo, hi, days] = monitor::amount_of(c);
  std::string n = range(lo, hi);
  std::string unit = days ? "days" : "hours";
  switch (c.state) {
    case ClockState::kViolated:
    case ClockState::kLapsed:
      return call.t("clock." + unit + "_over", n);
    case ClockState::kRunning:
      return call.t("clock." + unit + "_left", n);
    case ClockState::kNoLegalBasis:
      return call.t("clock.days_held", n);
    case ClockState::kUnknown:
      return hi > 0 && c.reason != Reason::kDateMissing && c.reason != Reason::kLawVersion
                 ? call.t("clock." + unit + "_over_at_most", std::to_string(hi))
                 : "";
    case ClockState::kMet:
      return "";
  }
  return "";
}

json event_ref(const Call& call, const std::vector<Record>& events, const std::string& id) {
  for (const auto& r : events)
    if (r.id == id) {
      const auto& e = std::get<Event>(r.body);
      return {{"id", r.id},
              {"date", i18n::format_date(e.date, call.lang)},
              {"type", call.label("event_type", e.type)}};
    }
  return nullptr;
}

// Mustache looks a missing key up in the enclosing page: every key of a row is set.
json with_every_key(json row) {
  for (const char* key : {"law", "quote", "deadline", "limit", "reason", "exception", "caveats",
                          "extensions", "secondary", "original"})
    if (!row.contains(key)) row[key] = nullptr;
  return row;
}

}  // namespace

std::vector<Record> events_of_case(Call& call, const Record& the_case) {
  auto events = publish::public_case_events(call.store(), call.visible, the_case.id);
  return events ? std::move(*events) : std::vector<Record>{};
}

Result<std::vector<Clock>> clocks_of(Call& call, const Record& the_case,
                                     const std::vector<Record>& events) {
  return publish::public_clocks(call.store(), call.visible, the_case, events,
                                monitor::shanghai_minutes(call.now()));
}

json clock_row(Call& call, const Clock& c, const std::vector<Record>& events) {
  std::string state(monitor::state_name(c.state));
  json row = {{"state", state},
              {"state_label", call.t("clock_state." + state)},
              {"start", event_ref(call, events, c.start)},
              {"end", c.end.empty() ? json() : event_ref(call, events, c.end)},
              {"amount", or_null(amount_text(call, c))},
              {"person", c.person.empty() ? json() : call.ref(c.person)}};
  if (auto r = monitor::reason_name(c.reason); !r.empty())
    row["reason"] = call.t("clock_reason." + std::string(r));
  if (c.no_basis) {
    row["summary"] = call.text(c.no_basis->text);
    return with_every_key(std::move(row));
  }
  const auto& rule = *c.rule;
  row["summary"] = call.text(rule.summary);
  row["quote"] = call.text(rule.quote);
  row["law"] = call.t("clock.law", rule.version) + " " + call.t("ui.article", rule.article);
  if (rule.source.secondary)
    row["secondary"] = {{"title", rule.source.title}, {"url", or_null(rule.source.url)}};
  if (rule.kind == monitor::Rule::Kind::kDeadline && c.state != ClockState::kUnknown) {
    auto first = monitor::day_of(c.deadline_lo - 1), last = monitor::day_of(c.deadline_hi - 1);
    std::string deadline = day_text(call, first);
    if (last != first) deadline += " – " + day_text(call, last);
    row["deadline"] = deadline;
    row["limit"] = period(call, c.applied);
  }
  if (c.exception) row["exception"] = call.text(c.exception->text);
  json caveats = json::array();
  for (const auto* ex : c.caveats) caveats.push_back(call.text(ex->text));
  if (!caveats.empty()) row["caveats"] = std::move(caveats);
  if (c.reason == Reason::kNeedsExtension) {
    json extensions = json::array();
    for (const auto& ext : rule.extensions)
      extensions.push_back(
          {{"limit", ext.limit ? period(call, *ext.limit) : call.t("clock.no_ceiling")},
           {"ground", call.text(ext.ground)}});
    row["extensions"] = std::move(extensions);
  }
  if (call.lang == i18n::Lang::kEn) row["original"] = rule.quote.zh;
  return with_every_key(std::move(row));
}

json legal_clock(Call& call, const Record& the_case, const std::vector<Record>& events) {
  auto clocks = clocks_of(call, the_case, events);
  if (!clocks) return {{"error", call.t("ui.clock_error", clocks.status().message())}};
  json rows = json::array();
  for (const auto& c : *clocks) rows.push_back(clock_row(call, c, events));
  if (rows.empty()) return nullptr;
  return {{"clocks", std::move(rows)}};
}

}  // namespace jz::web
