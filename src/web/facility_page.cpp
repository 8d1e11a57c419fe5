// A facility: kind, location, authority, legal basis, conditions, and the people held
// there (from links, cases and events that name it).
#include <algorithm>

#include "web/handlers.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

http::Response facility_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "facility") return call.error(404);
  const auto& f = std::get<Facility>(record->body);

  json facts = json::array();
  add_fact(facts, call, "ui.facility_type", call.label("facility_type", f.type));
  add_fact(facts, call, "ui.province", call.label("province", f.province));
  add_fact(facts, call, "ui.county", call.str(f.county));
  if (f.location) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f, %.4f", f.location->lat, f.location->lon);
    add_fact(facts, call, "ui.coordinates", buf);
  }
  add_fact(facts, call, "ui.authority", call.str(f.authority));
  add_fact(facts, call, "ui.opened", call.date(f.opened));
  add_fact(facts, call, "ui.closed", call.date(f.closed));
  std::string aliases;
  for (const auto& a : f.aliases) aliases += (aliases.empty() ? "" : " · ") + call.str(a);
  add_fact(facts, call, "ui.aliases", aliases);

  // People held: persons linked to it, and the persons of cases and events that name it; a
  // camp's thousands are listed as a source's citers are, the first kMostReferring by id.
  std::vector<std::string> person_ids;
  for (const auto& p : referring(call, record->id, "person")) person_ids.push_back(p.id);
  for (const auto& c : referring(call, record->id, "case"))
    for (const auto& p : std::get<Case>(c.body).persons) person_ids.push_back(p);
  std::vector<Record> events = referring(call, record->id, "event");
  for (const auto& e : events)
    for (const auto& p : std::get<Event>(e.body).persons) person_ids.push_back(p);
  std::sort(person_ids.begin(), person_ids.end());
  person_ids.erase(std::unique(person_ids.begin(), person_ids.end()), person_ids.end());
  json held = json::array(), held_more;
  for (const auto& id : person_ids) {
    auto p = call.public_record(id);
    if (!p) continue;  // a hidden person neither shows nor counts towards "more"
    if (held.size() == kMostReferring) {
      held_more = call.t("ui.first_held", std::to_string(kMostReferring));
      break;
    }
    held.push_back(list_item(call, *p));
  }
  json timeline_more = keep_latest(call, events);

  json conditions = json::array();
  for (const auto& c : f.conditions)
    conditions.push_back({{"date", call.date(c.date)}, {"text", call.text(c.text)}});

  json data = {{"name", call.text(f.name)},
               {"facts", facts},
               {"held", held},
               {"held_more", held_more},
               {"conditions", conditions},
               {"timeline", timeline(call, std::move(events))},
               {"timeline_more", timeline_more},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t",
                {{"legal_basis", call.t("ui.legal_basis")},
                 {"held", call.t("ui.people_held")},
                 {"conditions", call.t("ui.conditions")},
                 {"timeline", call.t("ui.timeline")},
                 {"links", call.t("ui.links_heading")},
                 {"sources", call.t("ui.sources")}}}};
  if (auto s = call.text(f.summary); !s.is_null()) data["summary"] = s;
  if (auto l = call.text(f.legal_basis); !l.is_null()) data["legal_basis"] = l;
  return call.page("facility.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
