#include "web/violations.hpp"

#include <algorithm>

#include "web/legal_clock.hpp"

namespace jz::web {

namespace {

// Visits each public case (its public view and public events), a page of cases at a time.
template <typename F>
Status for_each_public_case(Call& call, F&& visit) {
  store::ListQuery query;
  query.kind = "case";
  query.limit = 200;
  for (;;) {
    auto page = call.store().list_public(query);
    if (!page) return page.status();
    for (const auto& r : page->records)
      if (auto shown = public_view(r, call.visible)) visit(*shown, events_of_case(call, *shown));
    query.offset += query.limit;
    if (query.offset >= page->total) return Status::ok();
  }
}

const Record* find_event(const std::vector<Record>& events, const std::string& id) {
  auto it = std::find_if(events.begin(), events.end(), [&](const Record& r) { return r.id == id; });
  return it == events.end() ? nullptr : &*it;
}

}  // namespace

bool is_violation(const monitor::Clock& clock) {
  return clock.state == monitor::ClockState::kViolated ||
         clock.state == monitor::ClockState::kNoLegalBasis;
}

std::string violation_key(const Violation& v) {
  const auto& c = v.clock;
  std::string rule = c.rule                               ? c.rule->id
                     : !c.no_basis                        ? std::string("unknown")
                     : !c.no_basis->facility_type.empty() ? "no_basis_" + c.no_basis->facility_type
                                                          : "no_basis_" + c.no_basis->event_type;
  std::string key = v.case_id + "/" + rule + "/" + c.start;
  if (!c.person.empty()) key += "/" + c.person;
  return key;
}

std::vector<Violation> violations_of_case(Call& call, const Record& the_case,
                                          const std::vector<Record>& events) {
  std::vector<Violation> out;
  auto clocks = clocks_of(call, the_case, events);
  if (!clocks) return out;  // the case page says why
  for (const auto& c : *clocks) {
    if (!is_violation(c)) continue;
    Violation v{.case_id = the_case.id, .clock = c};
    v.updated = the_case.updated;
    for (const auto& id : {c.start, c.end})
      if (const Record* e = find_event(events, id)) v.updated = std::max(v.updated, e->updated);
    v.ongoing = c.reason == monitor::Reason::kOngoing;
    if (const Record* start = find_event(events, c.start))
      v.started = monitor::start_of(std::get<Event>(start->body).date.earliest());
    v.row = clock_row(call, c, events);
    v.row["case"] = call.ref(the_case.id);
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<Violation>> all_violations(Call& call) {
  std::vector<Violation> found;
  auto status =
      for_each_public_case(call, [&](const Record& the_case, const std::vector<Record>& events) {
        for (auto& v : violations_of_case(call, the_case, events)) found.push_back(std::move(v));
      });
  if (!status) return status;
  std::stable_sort(found.begin(), found.end(), [](const Violation& a, const Violation& b) {
    return a.ongoing != b.ongoing ? a.ongoing : a.started > b.started;
  });
  return found;
}

}  // namespace jz::web
