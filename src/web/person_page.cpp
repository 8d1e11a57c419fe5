// A person's profile: names in every script, status and when it was last verified,
// cases with charges and sentences, a timeline, facilities, sources and how to help.
#include <algorithm>

#include "web/handlers.hpp"
#include "web/record_views.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// The name in Simplified, Traditional and English, and every alias with its system.
json names_of(Call& call, const Person& p) {
  json names = json::array();
  auto add = [&](std::string_view key, const std::string& name, std::string_view lang) {
    if (!name.empty()) names.push_back({{"label", call.t(key)}, {"name", name}, {"lang", lang}});
  };
  if (!p.name.zh.empty()) {
    add("ui.name_simplified", call.site.script.to_simplified(p.name.zh), "zh-Hans");
    add("ui.name_traditional",
        p.name.zh_hant.empty() ? call.site.script.to_traditional(p.name.zh) : p.name.zh_hant,
        "zh-Hant");
  }
  add("ui.name_english", p.name.en, "en");
  for (const auto& a : p.aliases)
    names.push_back({{"label", call.label("alias_system", a.system)}, {"name", a.name}});
  return names;
}

}  // namespace

http::Response person_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record) {
    if (auto kept = call.merged_into(call.id))
      return http::Response::redirect(301, call.url_of("person", *kept));
  }
  if (!record || record->kind() != "person") return call.error(404);
  const auto& p = std::get<Person>(record->body);

  json facts = json::array();
  add_fact(facts, call, "ui.gender", call.label("gender", p.gender));
  add_fact(facts, call, "ui.born", call.date(p.born));
  add_fact(facts, call, "ui.died", call.date(p.died));
  add_fact(facts, call, "ui.ethnicity", call.str(p.ethnicity));
  add_fact(facts, call, "ui.province", call.label("province", p.province));
  add_fact(facts, call, "ui.home_place", call.str(p.home_place));
  std::string groups;
  for (const auto& g : p.groups)
    groups += (groups.empty()                 ? ""
               : call.lang == i18n::Lang::kEn ? ", "
                                              : "、") +
              call.label("person_group", g);
  add_fact(facts, call, "ui.groups", groups);
  add_fact(facts, call, "field.lawyer_bar", call.str(p.lawyer.bar));

  // Cases naming the person, their events, and events naming the person directly.
  json cases = json::array();
  std::vector<Record> events = referring(call, record->id, "event");
  std::vector<std::string> facility_ids;
  for (auto& c : referring(call, record->id, "case")) {
    const auto& body = std::get<Case>(c.body);
    json row = {{"title", call.text(body.title)},
                {"href", call.url_of("case", c.id)},
                {"status", call.label("case_status", body.status)},
                {"charges", charges_of(call, body)}};
    if (auto s = sentence_of(call, body.sentence); !s.empty()) row["sentence"] = s;
    cases.push_back(std::move(row));
    for (auto& e : referring(call, c.id, "event")) events.push_back(std::move(e));
    facility_ids.insert(facility_ids.end(), body.facilities.begin(), body.facilities.end());
  }

  // Facilities: where the person's links, cases and events place them.
  json facilities = json::array();
  for (const auto& l : record->links)
    if (l.type == "detained_at") facility_ids.push_back(l.target);
  for (const auto& e : events)
    if (const auto& f = std::get<Event>(e.body).facility; !f.empty()) facility_ids.push_back(f);
  std::sort(facility_ids.begin(), facility_ids.end());
  facility_ids.erase(std::unique(facility_ids.begin(), facility_ids.end()), facility_ids.end());
  for (const auto& id : facility_ids)
    if (auto ref = call.ref(id); !ref.is_null()) facilities.push_back(std::move(ref));

  // Other records that point at the person (organizations, topics, other persons' links).
  json related = json::array();
  for (const char* kind : {"person", "organization", "topic"})
    for (const auto& r : referring(call, record->id, kind)) related.push_back(list_item(call, r));

  json status = {{"label", call.label("person_status", p.status)}, {"key", p.status}};
  if (p.status_verified) status["verified"] = call.date(p.status_verified);
  if (auto n = call.text(p.status_note); !n.is_null()) status["note"] = n;

  json data = {
      {"name", call.text(p.name)},
      {"names", names_of(call, p)},
      {"status", status},
      {"facts", facts},
      {"cases", cases},
      {"timeline", timeline(call, std::move(events))},
      {"facilities", facilities},
      {"links", links_of(call, *record)},
      {"related", related},
      {"sources", sources_of(call, *record)},
      {"t",
       {{"names", call.t("ui.names")},
        {"status", call.t("ui.status")},
        {"verified", call.t("ui.status_verified")},
        {"health", call.t("ui.health")},
        {"cases", call.t("kinds.case")},
        {"charges", call.t("ui.charges")},
        {"sentence", call.t("ui.sentence")},
        {"timeline", call.t("ui.timeline")},
        {"facilities", call.t("kinds.facility")},
        {"links", call.t("ui.links_heading")},
        {"related", call.t("ui.related")},
        {"sources", call.t("ui.sources")},
        {"help", call.t("ui.how_to_help")},
        {"help_text", call.t("ui.how_to_help_text")},
        {"lawyers_page", call.t("ui.lawyers_page")}}},
  };
  // A lawyer in China is on /lawyers, with their licence history.
  if (std::find(p.groups.begin(), p.groups.end(), "lawyer") != p.groups.end() && !p.lawyer.foreign)
    data["lawyers_page"] = call.url("/lawyers") + "#" + record->id;
  if (auto h = call.text(p.health); !h.is_null()) data["health"] = h;
  if (auto s = call.text(p.summary); !s.is_null()) data["summary"] = s;
  return call.page("person.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
