#include "publish/case_clocks.hpp"

#include <algorithm>

#include "store/case_events.hpp"

namespace jz::publish {
namespace {

using monitor::Clock;

Result<std::vector<Clock>> compute(const Record& the_case, const std::vector<Record>& events,
                                   const std::map<std::string, std::string>& facility_types,
                                   monitor::Minutes now) {
  const auto& law = monitor::criminal_procedure_law();
  auto facts = monitor::case_facts(law, the_case, events, facility_types, now);
  if (!facts) return facts.status();
  return monitor::compute_clocks(law, *facts, now);
}

bool same(const Clock& a, const Clock& b) {
  return a.rule == b.rule && a.no_basis == b.no_basis && a.person == b.person &&
         a.start == b.start && a.end == b.end && a.state == b.state && a.reason == b.reason &&
         a.amount_lo == b.amount_lo && a.amount_hi == b.amount_hi;
}

}  // namespace

Result<std::vector<Record>> public_case_events(store::Store& store, const IsPublic& visible,
                                               std::string_view case_id) {
  auto stored = store::case_events(store, case_id);
  if (!stored) return stored.status();
  std::vector<Record> out;
  for (const auto& r : stored->events) {
    auto shown = public_view(r, visible);
    // Its case may be a confidential field: then it is not one of the case's public events.
    if (shown && std::get<Event>(shown->body).case_id == case_id) out.push_back(std::move(*shown));
  }
  return out;
}

Result<std::vector<Clock>> public_clocks(store::Store& store, const IsPublic& visible,
                                         const Record& public_case,
                                         const std::vector<Record>& public_events,
                                         monitor::Minutes now) {
  auto stored = store::case_events(store, public_case.id);
  if (!stored) return stored.status();
  std::map<std::string, std::string> public_types;
  for (const auto& [facility, type] : stored->facility_types)
    if (visible(facility)) public_types[facility] = type;
  auto shown = compute(public_case, public_events, public_types, now);
  if (!shown) return shown;
  auto stored_case = store.get(public_case.id);
  if (!stored_case) return stored_case.status();
  auto all = compute(*stored_case, stored->events, stored->facility_types, now);
  if (!all) return std::vector<Clock>{};  // the team's record needs fixing first
  std::erase_if(*shown, [&](const Clock& c) {
    return std::none_of(all->begin(), all->end(), [&](const Clock& f) { return same(c, f); });
  });
  return shown;
}

}  // namespace jz::publish
