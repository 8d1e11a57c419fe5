#include "web/violations.hpp"

#include <algorithm>

#include "store/each_public.hpp"
#include "web/export_memo.hpp"
#include "web/legal_clock.hpp"

namespace jz::web {

namespace {

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

namespace {

Result<std::vector<Violation>> every_violation(Call& call) {
  std::vector<Violation> found;
  JZ_RETURN_IF_ERROR(
      store::each_public(call.store(), call.visible, {.kind = "case"}, [&](Record the_case) {
        for (auto& v : violations_of_case(call, the_case, events_of_case(call, the_case)))
          found.push_back(std::move(v));
        return Status::ok();
      }));
  std::stable_sort(found.begin(), found.end(), [](const Violation& a, const Violation& b) {
    return a.ongoing != b.ongoing ? a.ongoing : a.started > b.started;
  });
  return found;
}

}  // namespace

Result<std::vector<Violation>> all_violations(Call& call) {
  if (!call.memo) return every_violation(call);
  // Once per language for a mirror export: the rows are in the reader's language.
  return *call.memo->once<Result<std::vector<Violation>>>(
      "violations " + std::string(i18n::url_prefix(call.lang)),
      [&call] { return every_violation(call); });
}

}  // namespace jz::web
