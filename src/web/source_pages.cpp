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
  auto fact = [&](std::string_view key, std::string value) {
    if (!value.empty()) facts.push_back({{"label", call.t(key)}, {"value", std::move(value)}});
  };
  fact("ui.source_type", call.label("source_type", s.type));
  fact("ui.publisher", call.str(s.publisher));
  fact("ui.published", call.date(s.published));
  fact("ui.retrieved", call.date(s.retrieved));
  fact("ui.reliability", s.reliability.empty()
                             ? ""
                             : s.reliability + " — " + call.label("reliability", s.reliability));
  fact("ui.source_language", s.language);
  fact("ui.file_hash", s.file_hash);
  json citing = json::array();
  for (const char* kind : {"person", "case", "event", "facility", "organization", "topic"})
    for (const auto& r : referring(call, record->id, kind)) citing.push_back(list_item(call, r));
  json data = {{"title", call.text(s.title)},
               {"facts", facts},
               {"citing", citing},
               {"t", {{"citing", call.t("ui.cited_by")}, {"link", call.t("ui.website")}}}};
  if (!s.url.empty()) data["url"] = s.url;
  std::string title =
      data["title"].is_null() ? record->id : data["title"]["text"].get<std::string>();
  return call.page("source.mustache", std::move(data), title);
}

}  // namespace jz::web
