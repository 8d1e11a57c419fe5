// Priorities and opportunities: the detained persons with the highest priority scores, each
// saying why (monitor/priority.hpp), and all of them as CSV; the calendar of opportunities
// to raise cases, with who is to be raised at each; and the prisoner list for one
// opportunity as a printable bilingual page, CSV, JSON and PDF (publish/prisoner_export.hpp).
#include <algorithm>
#include <cmath>
#include <set>

#include "publish/prisoner_export.hpp"
#include "web/export_memo.hpp"
#include "web/handlers.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

// Rows the priorities page shows; the CSV has all of them.
constexpr std::size_t kMostPriorities = 100;

publish::PrisonerOptions options_of(const Call& call) {
  return {.weights = call.site.settings.priority_weights,
          .now = monitor::shanghai_minutes(call.now())};
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10) / 10);
  return buf;
}

// "Sentence of 11 years: 13.8 of 25".
json score_parts(const Call& call, const monitor::PriorityScore& score) {
  json parts = json::array();
  for (const auto& p : score.parts) {
    std::string value = one_decimal(p.value);
    if (value.ends_with(".0")) value.resize(value.size() - 2);
    parts.push_back({{"why", call.t("priority." + p.criterion, value)},
                     {"points", one_decimal(p.points)},
                     {"weight", one_decimal(p.weight)}});
  }
  return parts;
}

json prisoner_item(Call& call, const publish::Prisoner& p) {
  json item = list_item(call, p.person);
  item["score"] = one_decimal(p.score.total);
  item["parts"] = score_parts(call, p.score);
  item["status"] = call.label("person_status", std::get<Person>(p.person.body).status);
  return item;
}

using Detained = Result<std::vector<publish::Prisoner>>;

// Every detained person by priority: computed once for all the pages of a mirror export that
// show them, else for this request.
std::shared_ptr<const Detained> detained(Call& call) {
  auto compute = [&call] {
    return publish::detained_persons(call.store(), call.visible, options_of(call));
  };
  if (call.memo) return call.memo->once<Detained>("detained persons", compute);
  return std::make_shared<const Detained>(compute());
}

// The list for the route's opportunity, or the error page's status.
Result<publish::PrisonerList> list_of(Call& call) {
  auto all = detained(call);
  if (!*all) return all->status();
  return publish::prisoner_list(call.store(), call.visible, call.id, **all);
}

}  // namespace

http::Response priorities_page(Call& call) {
  auto found = detained(call);
  if (!*found) return call.error(found->status());
  const auto& all = *found;
  // Thousands of rows would make a page of megabytes for a reader on a slow link: the page
  // lists the highest, the spreadsheet has everyone.
  json rows = json::array();
  for (std::size_t i = 0; i < std::min(all->size(), kMostPriorities); ++i)
    rows.push_back(prisoner_item(call, (*all)[i]));
  const auto& w = call.site.settings.priority_weights;
  json weights = json::array();
  for (auto [criterion, weight] : {std::pair{"serious_illness", w.serious_illness},
                                   {"long_sentence", w.long_sentence},
                                   {"without_trial", w.without_trial},
                                   {"age", w.age},
                                   {"denied_access", w.denied_access},
                                   {"opportunity", w.opportunity}})
    weights.push_back({{"criterion", call.t("priority_weight." + std::string(criterion))},
                       {"weight", one_decimal(weight)}});
  json data = {
      {"heading", call.t("ui.priorities")},
      {"intro", call.t("ui.priorities_intro")},
      {"rows", std::move(rows)},
      {"highest", all->size() > kMostPriorities
                      ? json(call.t("ui.priorities_highest", std::to_string(kMostPriorities)))
                      : json()},
      {"csv", call.url("/priorities.csv")},
      {"weights", std::move(weights)},
      {"t",
       {{"score", call.t("ui.priority_score")},
        {"csv", call.t("ui.priorities_csv", std::to_string(all->size()))},
        {"status", call.t("ui.status")},
        {"weights", call.t("ui.priority_weights")},
        {"of", call.t("ui.points_of")}}}};
  return call.page("priorities.mustache", std::move(data), call.t("ui.priorities"));
}

http::Response priorities_csv(Call& call) {
  auto all = detained(call);
  if (!*all) return call.error(all->status());
  return download("text/csv; charset=utf-8", publish::ranking_csv(**all, call.site.messages),
                  "priorities.csv");
}

http::Response opportunity_calendar(Call& call) {
  auto options = options_of(call);
  auto found = publish::opportunities(call.store(), call.visible, options.now);
  if (!found) return call.error(found.status());
  auto held = detained(call);
  if (!*held) return call.error(held->status());
  auto today = monitor::day_of(options.now);
  json coming = json::array(), past = json::array();
  for (const auto& r : *found) {
    const auto& e = std::get<Event>(r.body);
    auto list = publish::prisoner_list(call.store(), call.visible, r.id, **held, 5);
    json names = json::array();
    if (list)
      for (const auto& p : list->prisoners) names.push_back(call.ref(p.person.id));
    json item = {{"href", call.url("/opportunities/" + r.id)},
                 {"title", call.text(e.title)},
                 {"date", call.date(e.date)},
                 {"type", call.label("event_type", e.type)},
                 {"place", call.text(e.place)},
                 {"names", std::move(names)},
                 {"suggested", list && list->suggested}};
    (e.date.latest() >= today ? coming : past).push_back(std::move(item));
  }
  json data = {{"heading", call.t("ui.opportunities")},
               {"intro", call.t("ui.opportunities_intro")},
               {"coming", std::move(coming)},
               {"past", std::move(past)},
               {"t",
                {{"coming", call.t("ui.opportunities_coming")},
                 {"past", call.t("ui.opportunities_past")},
                 {"none", call.t("ui.opportunities_none")},
                 {"raise", call.t("ui.to_raise")},
                 {"suggested", call.t("ui.prisoners_suggested_short")}}}};
  return call.page("opportunities.mustache", std::move(data), call.t("ui.opportunities"));
}

http::Response opportunity_page(Call& call) {
  auto list = list_of(call);
  if (!list) return call.error(404);
  const auto& e = std::get<Event>(list->opportunity.body);
  json rows = json::array();
  auto table = publish::prisoner_rows(list->prisoners, call.site.messages);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& r = table[i];
    auto both = [](const Text& t) {
      return json{{"zh", or_null(t.zh)}, {"en", or_null(t.en == t.zh ? "" : t.en)}};
    };
    rows.push_back({{"href", call.url_of("person", r.id)},
                    {"name", both(r.name)},
                    {"pinyin", or_null(r.pinyin)},
                    {"status", both(r.status)},
                    {"charges", both(r.charges)},
                    {"sentence", both(r.sentence)},
                    {"facility", both(r.facility)},
                    {"health", both(r.health)},
                    {"verified", or_null(r.verified)},
                    {"score", one_decimal(r.priority)},
                    {"parts", score_parts(call, list->prisoners[i].score)}});
  }
  std::string base = call.url("/opportunities/" + list->opportunity.id + "/prisoners");
  json data = {{"title", call.text(e.title)},
               {"date", call.date(e.date)},
               {"type", call.label("event_type", e.type)},
               {"place", call.text(e.place)},
               {"notes", call.text(e.notes)},
               {"suggested", list->suggested ? json(call.t("ui.prisoners_suggested")) : json()},
               {"rows", std::move(rows)},
               {"csv", base + ".csv"},
               {"json", base + ".json"},
               {"pdf", base + ".pdf"},
               {"t",
                {{"list", call.t("ui.prisoner_list")},
                 {"name", call.t("ui.prisoner_name")},
                 {"status", call.t("ui.status")},
                 {"charges", call.t("ui.charges")},
                 {"sentence", call.t("ui.sentence")},
                 {"facility", call.t("field.facility")},
                 {"health", call.t("ui.health")},
                 {"verified", call.t("field.status_verified")},
                 {"score", call.t("ui.priority_score")},
                 {"download", call.t("ui.download")}}}};
  return call.page("opportunity.mustache", std::move(data), call.title_of(list->opportunity));
}

http::Response opportunity_csv(Call& call) {
  auto list = list_of(call);
  if (!list) return call.error(404);
  return download("text/csv; charset=utf-8", publish::prisoners_csv(*list, call.site.messages),
                  call.id + "-prisoners.csv");
}

http::Response opportunity_json(Call& call) {
  auto list = list_of(call);
  if (!list) return json_error(404, list.status().message());
  return download("application/json", publish::prisoners_json(*list, call.site.messages),
                  call.id + "-prisoners.json");
}

http::Response opportunity_pdf(Call& call) {
  auto list = list_of(call);
  if (!list) return call.error(404);
  auto pdf = publish::prisoners_pdf(*list, call.site.messages);
  if (!pdf) return call.error(pdf.status());
  return download("application/pdf", std::move(*pdf), call.id + "-prisoners.pdf");
}

}  // namespace jz::web
