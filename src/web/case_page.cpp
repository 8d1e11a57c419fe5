// A case: who, charges with the law article, sentence, facilities, lawyers, timeline.
#include "web/handlers.hpp"
#include "web/legal_clock.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

json refs(Call& call, const Ids& ids) {
  json out = json::array();
  for (const auto& id : ids)
    if (auto r = call.ref(id); !r.is_null()) out.push_back(std::move(r));
  return out;
}

}  // namespace

http::Response case_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "case") return call.error(404);
  const auto& c = std::get<Case>(record->body);
  auto events = events_of_case(call, *record);
  json data = {{"title", call.text(c.title)},
               {"status", call.label("case_status", c.status)},
               {"persons", refs(call, c.persons)},
               {"charges", charges_of(call, c)},
               {"facilities", refs(call, c.facilities)},
               {"lawyers", refs(call, c.lawyers)},
               {"topics", refs(call, c.topics)},
               {"legal_clock", legal_clock(call, *record, events)},
               {"timeline", timeline(call, referring(call, record->id, "event"))},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t",
                {{"status", call.t("ui.status")},
                 {"persons", call.t("kinds.person")},
                 {"charges", call.t("ui.charges")},
                 {"sentence", call.t("ui.sentence")},
                 {"facilities", call.t("kinds.facility")},
                 {"lawyers", call.t("ui.lawyers")},
                 {"topics", call.t("kinds.topic")},
                 {"timeline", call.t("ui.timeline")},
                 {"legal_clock", call.t("ui.legal_clock")},
                 {"legal_clock_intro", call.t("ui.legal_clock_intro")},
                 {"deadline", call.t("clock.deadline")},
                 {"unless", call.t("clock.unless")},
                 {"secondary", call.t("clock.secondary")},
                 {"links", call.t("ui.links_heading")},
                 {"sources", call.t("ui.sources")}}}};
  if (auto s = call.text(c.summary); !s.is_null()) data["summary"] = s;
  if (auto s = sentence_of(call, c.sentence); !s.empty()) data["sentence"] = s;
  return call.page("case.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
