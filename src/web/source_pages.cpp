// A source: what it is, who published it, how reliable, and every record that cites it.
// (The bibliography, the list of all sources, is a list page: list_pages.cpp.)
#include "web/handlers.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

http::Response source_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "source") return call.error(404);
  const auto& s = std::get<Source>(record->body);
  json facts = json::array();
  add_fact(facts, call, "ui.source_type", call.label("source_type", s.type));
  add_fact(facts, call, "ui.publisher", call.str(s.publisher));
  add_fact(facts, call, "ui.published", call.date(s.published));
  add_fact(facts, call, "ui.retrieved", call.date(s.retrieved));
  add_fact(facts, call, "ui.reliability",
           s.reliability.empty()
               ? ""
               : s.reliability + " — " + call.label("reliability", s.reliability));
  add_fact(facts, call, "ui.source_language", s.language);
  add_fact(facts, call, "ui.file_hash", s.file_hash);
  json citing = json::array();
  json citing_more = list_referring(
      call, record->id, {"person", "case", "event", "facility", "organization", "topic"}, citing);
  json data = {{"title", call.text(s.title)},
               {"facts", facts},
               {"citing", citing},
               {"citing_more", citing_more},
               {"t", {{"citing", call.t("ui.cited_by")}, {"link", call.t("ui.website")}}}};
  if (!s.url.empty()) data["url"] = s.url;
  return call.page("source.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
