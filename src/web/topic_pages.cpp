// Topics: the index of every topic, and a topic's page with its text (Markdown) and the
// records filed under it.
#include "i18n/localize.hpp"
#include "web/handlers.hpp"
#include "web/markdown.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

http::Response topic_index(Call& call) {
  store::ListQuery query;
  query.kind = "topic";
  query.limit = 500;
  auto found = call.store().list_public(query);
  if (!found) return call.error(503);
  json items = json::array();
  for (const auto& r : found->records) {
    auto shown = public_view(r, call.visible);
    if (!shown) continue;
    json item = list_item(call, *shown);
    if (auto s = call.text(std::get<Topic>(shown->body).summary); !s.is_null()) item["summary"] = s;
    items.push_back(std::move(item));
  }
  json data = {{"heading", call.t("kinds.topic")}, {"items", std::move(items)}};
  return call.page("topics.mustache", std::move(data), call.t("kinds.topic"));
}

http::Response topic_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "topic") return call.error(404);
  const auto& t = std::get<Topic>(record->body);

  store::ListQuery query;
  query.kind = "case";
  query.filters.push_back({"topic", record->id});
  query.limit = 20;
  auto cases = call.store().list_public(query);
  if (!cases) return call.error(503);
  json case_items = json::array();
  for (const auto& r : cases->records)
    if (auto shown = public_view(r, call.visible)) case_items.push_back(list_item(call, *shown));

  json related = json::array();
  json related_more = list_referring(
      call, record->id, {"person", "organization", "facility", "source", "event"}, related);

  json data = {{"title", call.text(t.title)},
               {"cases", std::move(case_items)},
               {"related", std::move(related)},
               {"related_more", std::move(related_more)},
               {"sources", sources_of(call, *record)},
               {"t",
                {{"cases", call.t("kinds.case")},
                 {"related", call.t("ui.related")},
                 {"sources", call.t("ui.sources")}}}};
  if (cases->total > static_cast<std::int64_t>(cases->records.size()))
    data["all_cases"] = {{"href", call.url("/cases/?topic=" + record->id)},
                         {"label", call.t("ui.all_cases")},
                         {"total", cases->total}};
  if (auto s = call.text(t.summary); !s.is_null()) data["summary"] = s;
  if (auto text = i18n::localize(t.text, call.lang, call.site.script); !text.text.empty()) {
    data["text_html"] = markdown_to_html(text.text);
    if (text.lang != call.lang) data["text_lang"] = i18n::html_lang(text.lang);
  }
  return call.page("topic.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
