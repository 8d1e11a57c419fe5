// An organization: kind, province, website, summary, and the records linked to it.
#include "web/handlers.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

http::Response organization_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "organization") return call.error(404);
  const auto& o = std::get<Organization>(record->body);
  json facts = json::array();
  add_fact(facts, call, "ui.organization_type", call.label("organization_type", o.type));
  add_fact(facts, call, "ui.province", call.label("province", o.province));
  json related = json::array();
  json related_more = list_referring(
      call, record->id, {"person", "case", "organization", "facility", "topic"}, related);
  json data = {{"name", call.text(o.name)},
               {"facts", facts},
               {"related", related},
               {"related_more", related_more},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t",
                {{"website", call.t("ui.website")},
                 {"related", call.t("ui.related")},
                 {"links", call.t("ui.links_heading")},
                 {"sources", call.t("ui.sources")}}}};
  if (!o.url.empty()) data["url"] = o.url;
  if (auto s = call.text(o.summary); !s.is_null()) data["summary"] = s;
  return call.page("organization.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
