#include "web/assessment_views.hpp"

namespace jz::web {

using nlohmann::json;

json citations_of(Call& call, const std::vector<Citation>& sources) {
  json out = json::array();
  for (const auto& c : sources) {
    auto src = call.public_record(c.source);
    if (!src || src->kind() != "source") continue;
    json title = call.text(std::get<Source>(src->body).title);
    if (title.is_null()) title = {{"text", src->id}};
    if (!title.contains("lang")) title["lang"] = false;
    out.push_back({{"title", std::move(title)},
                   {"href", call.url_of("source", src->id)},
                   {"locator", or_null(c.locator)}});
  }
  return out;
}

json evidence_of(Call& call, const Ids& ids) {
  json out = json::array();
  for (const auto& id : ids) {
    json ref = call.ref(id);
    if (ref.is_null()) continue;
    if (!ref.contains("lang")) ref["lang"] = false;
    if (!ref.contains("href")) ref["href"] = nullptr;
    out.push_back(std::move(ref));
  }
  return out;
}

std::string date_span(const Call& call, const Date& from, const Date& to) {
  std::string f = call.date(from), t = call.date(to);
  if (f.empty() || t.empty() || f == t) return f.empty() ? t : f;
  return f + (call.lang == i18n::Lang::kEn ? " \u2013 " : "\u2014") + t;
}

}  // namespace jz::web
