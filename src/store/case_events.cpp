#include "store/case_events.hpp"

namespace jz::store {

Result<CaseEvents> case_events(Store& store, std::string_view case_id) {
  CaseEvents out;
  auto ids = store.referrers(case_id);
  if (!ids) return ids.status();
  for (const auto& id : *ids) {
    if (id.empty() || id[0] != id_letter("event")) continue;
    auto r = store.get(id);
    if (!r) return r.status();
    const auto& e = std::get<Event>(r->body);
    if (e.case_id != case_id) continue;  // it names the case in a link or a citation
    if (!e.facility.empty() && !out.facility_types.count(e.facility))
      if (auto f = store.get(e.facility); f && f->kind() == "facility")
        out.facility_types[e.facility] = std::get<Facility>(f->body).type;
    out.events.push_back(std::move(*r));
  }
  return out;
}

}  // namespace jz::store
