// Indicators: every public indicator grouped by dimension, each with its trend chart, and one
// indicator with its chart large and every assessment with the evidence for it. The charts
// are inline SVG (trend_chart.hpp) with the same data beside them as a plain table.
#include <algorithm>
#include <map>

#include "core/vocabulary.hpp"
#include "store/each_public.hpp"
#include "web/assessment_views.hpp"
#include "web/handlers.hpp"
#include "web/record_views.hpp"
#include "web/trend_chart.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

json own_text(const Call& call, const Text& t) {
  json out = call.text(t);
  if (out.is_object() && !out.contains("lang")) out["lang"] = false;
  return out;
}

// "Trend of Death penalty: 2000–2005: Worsened; 2006–2008: No change".
std::string summary_of(const Call& call, const Indicator& n,
                       const std::vector<TrendPeriod>& periods) {
  bool en = call.lang == i18n::Lang::kEn;
  std::string out = call.t("ui.trend_chart_of", call.str(n.title));
  if (periods.empty()) return out + (en ? " " : "") + call.t("ui.indicator_no_assessments");
  for (std::size_t i = 0; i < periods.size(); ++i) {
    out += i == 0 ? (en ? " " : "") : (en ? "; " : "\uFF1B");
    out += period_text(periods[i]) + (en ? ": " : "\uFF1A") +
           call.label("trend_value", periods[i].value);
  }
  return out;
}

// The chart and its table: {"svg", "periods": [{"period", "value", "key"}]}.
json trend_of(const Call& call, const Indicator& n, ChartSize size) {
  auto periods = trend_periods(n.assessments);
  TrendWords words{.improved = call.label("trend_value", "improved"),
                   .stasis = call.label("trend_value", "stasis"),
                   .worsened = call.label("trend_value", "worsened"),
                   .ambiguous = call.label("trend_value", "ambiguous"),
                   .summary = summary_of(call, n, periods)};
  json rows = json::array();
  for (const auto& p : periods)
    rows.push_back({{"period", period_text(p)},
                    {"key", p.value},
                    {"value", call.label("trend_value", p.value)}});
  return {{"svg", periods.empty() ? json() : json(trend_svg(periods, words, size))},
          {"periods", std::move(rows)}};
}

json chart_words(const Call& call) {
  return {{"table", call.t("ui.trend_table")},
          {"period", call.t("ui.trend_period")},
          {"value", call.t("ui.trend_assessment")},
          {"not_assessed", call.t("ui.indicator_no_assessments")}};
}

}  // namespace

http::Response indicator_list(Call& call) {
  std::map<std::string, json> by_dimension;
  auto listed =
      store::each_public(call.store(), call.visible, {.kind = "indicator"}, [&](Record r) {
        const auto& n = std::get<Indicator>(r.body);
        json item = {{"href", call.url_of("indicator", r.id)},
                     {"title", own_text(call, n.title)},
                     {"summary", own_text(call, n.summary)},
                     {"chart", trend_of(call, n, ChartSize::kSmall)}};
        by_dimension[n.dimension].push_back(std::move(item));
        return Status::ok();
      });
  if (!listed) return call.error(listed);
  json dimensions = json::array();
  for (auto dimension : vocab::indicator_dimensions()) {
    auto found = by_dimension.find(std::string(dimension));
    if (found == by_dimension.end()) continue;
    dimensions.push_back({{"id", dimension},
                          {"label", call.label("indicator_dimension", dimension)},
                          {"indicators", std::move(found->second)}});
  }
  json data = {{"heading", call.t("kinds.indicator")},
               {"intro", call.t("ui.indicators_intro")},
               {"dimensions", std::move(dimensions)},
               {"t", chart_words(call)}};
  data["t"]["none"] = call.t("ui.indicators_none");
  return call.page("indicators.mustache", std::move(data), call.t("kinds.indicator"));
}

http::Response indicator_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "indicator") return call.error(404);
  const auto& n = std::get<Indicator>(record->body);

  std::vector<const Assessment*> sorted;
  for (const auto& a : n.assessments) sorted.push_back(&a);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Assessment* a, const Assessment* b) {
    return a->date && b->date ? *a->date < *b->date : a->date.has_value();
  });
  json assessments = json::array();
  for (const Assessment* a : sorted)
    assessments.push_back({{"period", date_span(call, a->date, a->to)},
                           {"key", a->value},
                           {"value", call.label("trend_value", a->value)},
                           {"text", own_text(call, a->text)},
                           {"cites", citations_of(call, a->sources)},
                           {"evidence", evidence_of(call, a->evidence)}});

  json t = chart_words(call);
  t["assessments"] = call.t("ui.indicator_assessments");
  t["sources"] = call.t("ui.sources");
  t["evidence"] = call.t("ui.evidence");
  t["links"] = call.t("ui.links_heading");
  t["all"] = call.t("ui.indicators_all");
  json data = {{"title", own_text(call, n.title)},
               {"dimension", call.label("indicator_dimension", n.dimension)},
               {"summary", own_text(call, n.summary)},
               {"chart", trend_of(call, n, ChartSize::kLarge)},
               {"assessments", std::move(assessments)},
               {"all", call.url("/indicators/")},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t", std::move(t)}};
  return call.page("indicator.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
