// Recommendations to China: the list, filtered by review, response, theme and how far each
// was carried out (?review=v...&response=noted&theme=death_penalty&implementation=...), with
// the number of recommendations behind each choice, paged; and a recommendation's page with
// its text in both languages, China's response and its implementation over time, with the
// sources and the public records that show it.
#include <algorithm>
#include <array>
#include <map>

#include "core/facets.hpp"
#include "core/vocabulary.hpp"
#include "i18n/localize.hpp"
#include "web/assessment_views.hpp"
#include "web/handlers.hpp"
#include "web/list_query.hpp"
#include "web/record_views.hpp"
#include "web/standing_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

constexpr std::int64_t kPageSize = 50;

struct Filter {
  std::string_view param;   // the query parameter and facet name
  std::string_view list;    // the vocabulary its labels come from; "" for review ids
  vocab::List (*values)();  // allowed values; nullptr for review ids
};

// "review" is not a facet the store keeps (core/facets.cpp); the others are. All four are
// counted here over the public recommendations, with the store's own facet values
// (public_facets) and the recommendation's review.
constexpr std::array kFilters{
    Filter{"review", "", nullptr}, Filter{"response", "rec_response", vocab::rec_responses},
    Filter{"theme", "rec_theme", vocab::rec_themes},
    Filter{"implementation", "implementation_status", vocab::implementation_statuses}};

struct Row {
  const Record* record;
  std::vector<Facet> facets;
  bool has(const Facet& f) const {
    return std::find(facets.begin(), facets.end(), f) != facets.end();
  }
};

// Whether the row matches every chosen filter but the one named `except`.
bool matches(const Row& row, const std::vector<Facet>& chosen, std::string_view except) {
  for (const auto& f : chosen)
    if (f.name != except && !row.has(f)) return false;
  return true;
}

}  // namespace

http::Response recommendation_list(Call& call) {
  auto page = page_number(call.request);
  if (!page) return call.error(400, call.t("ui.bad_page"));
  auto reviews = all_public(call, "review");
  if (!reviews) return call.error(reviews.status());
  std::map<std::string, const Record*> review_of;
  for (const auto& r : *reviews) review_of[r.id] = &r;

  std::vector<Facet> chosen;
  for (const auto& f : kFilters) {
    std::string value = call.request.param(f.param);
    if (value.empty()) continue;
    bool known = f.values ? vocab::contains(f.values(), value) : review_of.contains(value);
    if (!known)
      return call.error(400, call.t("ui.bad_filter") + " " + std::string(f.param) + "=" + value);
    chosen.push_back({std::string(f.param), value});
  }

  auto all = all_public(call, "recommendation");
  if (!all) return call.error(all.status());
  std::vector<Row> rows;
  rows.reserve(all->size());
  for (const auto& r : *all) {
    auto facets = public_facets(r);
    if (!facets) return call.error(facets.status());
    const auto& rec = std::get<Recommendation>(r.body);
    if (!rec.review.empty()) facets->push_back({"review", rec.review});
    rows.push_back({&r, std::move(*facets)});
  }

  // The newest review first; in a review, the order of its documents and paragraphs.
  auto review_date = [&](const Record& r) -> Date {
    auto it = review_of.find(std::get<Recommendation>(r.body).review);
    return it == review_of.end() ? Date() : std::get<Review>(it->second->body).date;
  };
  std::vector<const Record*> shown;
  for (const auto& row : rows)
    if (matches(row, chosen, "")) shown.push_back(row.record);
  std::stable_sort(shown.begin(), shown.end(), [&](const Record* a, const Record* b) {
    Date da = review_date(*a), db = review_date(*b);
    if (da != db) return db < da;
    const auto& x = std::get<Recommendation>(a->body);
    const auto& y = std::get<Recommendation>(b->body);
    if (x.review != y.review) return x.review < y.review;
    if (x.document != y.document) return x.document < y.document;
    if (x.paragraph != y.paragraph) return paragraph_less(x.paragraph, y.paragraph);
    return a->id < b->id;
  });
  auto total = static_cast<std::int64_t>(shown.size());
  json items = json::array();
  for (auto i = (*page - 1) * kPageSize; i < std::min(total, *page * kPageSize); ++i)
    items.push_back(recommendation_item(call, *shown[static_cast<std::size_t>(i)], true));

  // One group of choices per filter, each counted under the other filters; a chosen value
  // stays shown (with 0) so that it can be seen and undone.
  json groups = json::array();
  const std::string& path = call.request.path;
  std::string title_chosen;
  for (const auto& f : kFilters) {
    std::map<std::string, std::int64_t> counts;
    for (const auto& row : rows) {
      if (!matches(row, chosen, f.param)) continue;
      for (const auto& facet : row.facets)
        if (facet.name == f.param) ++counts[facet.value];
    }
    std::string current = call.request.param(f.param);
    if (!current.empty()) counts.try_emplace(current, 0);
    if (counts.empty()) continue;
    json options = json::array();
    for (const auto& [value, n] : counts) {
      json option = {{"value", value},
                     {"count", n},
                     {"href", path + query_with(call.request, f.param, value)},
                     {"selected", value == current},
                     {"note", nullptr}};
      if (f.values) {
        option["label"] = call.label(f.list, value);
      } else {
        const auto& v = std::get<Review>(review_of.at(value)->body);
        option["label"] = call.str(v.title);
        option["note"] = call.date(v.date);
      }
      if (value == current)
        title_chosen += (title_chosen.empty() ? "" : " · ") + option["label"].get<std::string>();
      options.push_back(std::move(option));
    }
    // Reviews newest first; other choices by how many they hold.
    std::stable_sort(options.begin(), options.end(), [&](const json& a, const json& b) {
      if (!f.values) {
        const auto& x = std::get<Review>(review_of.at(a["value"].get<std::string>())->body).date;
        const auto& y = std::get<Review>(review_of.at(b["value"].get<std::string>())->body).date;
        return y < x;
      }
      return a["count"].get<std::int64_t>() > b["count"].get<std::int64_t>();
    });
    json any = {{"label", call.t("ui.filter_any")},
                {"href", path + query_with(call.request, f.param, "")},
                {"count", nullptr},
                {"note", nullptr},
                {"selected", current.empty()}};
    options.insert(options.begin(), std::move(any));
    groups.push_back({{"param", f.param},
                      {"label", call.t("ui.filter_" + std::string(f.param))},
                      {"options", std::move(options)}});
  }

  std::string heading = call.t("kinds.recommendation");
  json data = {{"heading", heading},
               {"chosen", or_null(title_chosen)},
               {"items", std::move(items)},
               {"filters", std::move(groups)},
               {"pages", pagination(call, total, *page, kPageSize)},
               {"reviews", {{"href", call.url_of("review")}, {"label", call.t("kinds.review")}}},
               {"t",
                {{"filter", call.t("ui.filter_heading")},
                 {"none", call.t("ui.list_empty")},
                 {"from", call.t("ui.recommended_by")},
                 {"response", call.t("ui.response")},
                 {"implementation", call.t("ui.implementation")}}}};
  return call.page("recommendations.mustache", std::move(data),
                   title_chosen.empty() ? heading : heading + " · " + title_chosen);
}

http::Response recommendation_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "recommendation") return call.error(404);
  const auto& r = std::get<Recommendation>(record->body);

  // The text in the reader's language, and in the other one when the record has it.
  json texts = json::array();
  auto primary = i18n::localize(r.text, call.lang, call.site.script);
  texts.push_back(
      {{"text", primary.text},
       {"lang", primary.lang == call.lang ? json() : json(i18n::html_lang(primary.lang))},
       {"label", nullptr}});
  const bool english = call.lang == i18n::Lang::kEn;
  const bool has_other =
      english ? !(r.text.zh.empty() && r.text.zh_hant.empty()) : !r.text.en.empty();
  // Only when the first is really in the reader's language (not its fallback).
  if (has_other && primary.lang == call.lang) {
    auto second =
        i18n::localize(r.text, english ? i18n::Lang::kZhHans : i18n::Lang::kEn, call.site.script);
    texts.push_back({{"text", second.text},
                     {"lang", i18n::html_lang(second.lang)},
                     {"label", call.t(english ? "ui.in_chinese" : "ui.in_english")}});
  }

  json facts = json::array();
  add_fact(facts, call, "ui.document", r.document);
  add_fact(facts, call, "ui.paragraph", r.paragraph);
  add_fact(facts, call, "ui.response", call.label("rec_response", r.response));
  add_fact(facts, call, "ui.implementation", call.label("implementation_status", latest_status(r)));

  json themes = json::array();
  for (const auto& theme : r.themes)
    themes.push_back({{"label", call.label("rec_theme", theme)},
                      {"href", recommendations_url(call, "", "theme", theme)}});

  // Its implementation over time, earliest first, each with its sources and evidence (the
  // public view keeps only public evidence; ref() would drop any other too).
  std::vector<const Assessment*> ordered;
  for (const auto& a : r.assessments) ordered.push_back(&a);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Assessment* a, const Assessment* b) { return a->date < b->date; });
  json assessments = json::array();
  for (const Assessment* a : ordered) {
    json row = {{"date", call.date(a->date)},
                {"iso", a->date && a->date->is_exact_day() ? json(a->date->to_string()) : json()},
                {"status", call.label("implementation_status", a->value)},
                {"code", a->value},
                {"text", call.text(a->text)},
                {"cited", citations_of(call, a->sources)},
                {"evidence", evidence_of(call, a->evidence)}};
    assessments.push_back(std::move(row));
  }

  std::string heading = r.paragraph.empty() ? call.t("kind.recommendation")
                                            : call.t("ui.recommendation_n", r.paragraph);
  json data = {{"heading", heading},
               {"texts", std::move(texts)},
               {"review", call.ref(r.review)},
               {"from", or_null(r.from)},
               {"from_lang", english ? json() : json("en")},
               {"facts", std::move(facts)},
               {"themes", std::move(themes)},
               {"response_text", call.text(r.response_text)},
               {"assessments", std::move(assessments)},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t",
                {{"review", call.t("kind.review")},
                 {"from", call.t("ui.recommended_by")},
                 {"themes", call.t("ui.themes")},
                 {"response_text", call.t("ui.response_text")},
                 {"implementation", call.t("ui.implementation_over_time")},
                 {"evidence", call.t("ui.evidence")},
                 {"cited", call.t("ui.sources")},
                 {"links", call.t("ui.links_heading")},
                 {"sources", call.t("ui.sources")}}}};
  std::string title = heading;
  if (auto rv = call.public_record(r.review)) title += " · " + call.title_of(*rv);
  return call.page("recommendation.mustache", std::move(data), title);
}

}  // namespace jz::web
