// Reviews of China by the UN treaty bodies and the Universal Periodic Review: the list
// (coming first, then past, with the responses to their recommendations), the same as an
// iCalendar file (review_calendar.hpp), and a review's page with its documents, the
// submissions of civil society and its recommendations by response and by theme.
#include <algorithm>

#include "core/vocabulary.hpp"
#include "web/handlers.hpp"
#include "web/record_views.hpp"
#include "web/review_calendar.hpp"
#include "web/shadow_report.hpp"
#include "web/standing_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

// The words a list of recommendations (_recommendation.mustache) needs.
json recommendation_words(const Call& call) {
  return {{"from", call.t("ui.recommended_by")},
          {"response", call.t("ui.response")},
          {"implementation", call.t("ui.implementation")}};
}

}  // namespace

http::Response review_list(Call& call) {
  auto reviews = all_public(call, "review");
  if (!reviews) return call.error(reviews.status());
  auto recommendations = all_public(call, "recommendation");
  if (!recommendations) return call.error(recommendations.status());
  auto tallies = tally_by_review(*recommendations);
  std::size_t coming_count = order_reviews(*reviews, today_in_china(call));
  json coming = json::array(), past = json::array();
  for (std::size_t i = 0; i < reviews->size(); ++i) {
    const auto& r = (*reviews)[i];
    auto tally = tallies.find(r.id);
    (i < coming_count ? coming : past)
        .push_back(review_item(call, r, tally == tallies.end() ? nullptr : &tally->second));
  }
  json data = {
      {"heading", call.t("kinds.review")},
      {"intro", call.t("ui.reviews_intro")},
      {"calendar_href", call.url("/reviews.ics")},
      {"hub", {{"href", call.url_of("treaty")}, {"label", call.t("ui.nav_treaties")}}},
      {"all_recommendations",
       {{"href", call.url_of("recommendation")}, {"label", call.t("ui.all_recommendations")}}},
      {"coming", std::move(coming)},
      {"past", std::move(past)},
      {"t",
       {{"coming", call.t("ui.reviews_coming")},
        {"past", call.t("ui.reviews_past")},
        {"none_coming", call.t("ui.reviews_none_coming")},
        {"none", call.t("ui.reviews_none")},
        {"calendar", call.t("ui.reviews_calendar")}}}};
  return call.page("reviews.mustache", std::move(data), call.t("kinds.review"));
}

http::Response review_calendar(Call& call) {
  auto reviews = all_public(call, "review");
  if (!reviews) return call.error(reviews.status());
  // Calendar order: by date, then id, so the file is the same for the same records.
  std::stable_sort(reviews->begin(), reviews->end(), [](const Record& a, const Record& b) {
    const auto& x = std::get<Review>(a.body).date;
    const auto& y = std::get<Review>(b.body).date;
    return x != y ? x < y : a.id < b.id;
  });
  std::vector<CalendarEvent> events;
  for (const auto& r : *reviews) {
    const auto& v = std::get<Review>(r.body);
    if (!v.date) continue;  // the decoder requires it; a calendar cannot place a review without
    CalendarEvent e{.uid = r.id + "@jianzheng",
                    .updated = r.updated,
                    .date = *v.date,
                    .summary = call.label("review_body", v.body),
                    .description = {}};
    if (auto title = call.str(v.title); !title.empty())
      e.summary += (call.lang == i18n::Lang::kEn ? ": " : "：") + title;
    e.description.push_back(v.cycle);
    if (auto treaty = call.public_record(v.treaty))
      e.description.push_back(std::get<Treaty>(treaty->body).code + " — " +
                              call.str(std::get<Treaty>(treaty->body).name));
    e.description.push_back(call.str(v.summary));
    events.push_back(std::move(e));
  }
  CalendarWords words{.approximate_month = call.t("ui.ical_approx_month"),
                      .approximate_year = call.t("ui.ical_approx_year"),
                      .approximate = call.t("ui.ical_approx")};
  http::Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = ical_calendar(call.t("ui.reviews_calendar_name"), events, words);
  return r;
}

http::Response review_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "review") return call.error(404);
  const auto& v = std::get<Review>(record->body);

  json facts = json::array();
  add_fact(facts, call, "ui.review_body", call.label("review_body", v.body));
  add_fact(facts, call, "ui.review_cycle", v.cycle);
  add_fact(facts, call, "ui.review_date", call.date(v.date));
  add_fact(facts, call, "ui.state_report", call.date(v.state_report));

  json documents = json::array();
  for (const auto& d : v.documents) {
    json doc = {{"symbol", or_null(d.symbol)},
                {"title", call.text(d.title)},
                {"date", or_null(call.date(d.date))},
                {"url", or_null(d.url)}};
    documents.push_back(std::move(doc));
  }
  json submissions = json::array();
  for (const auto& id : v.submissions)
    if (auto s = call.public_record(id)) submissions.push_back(list_item(call, *s));

  // Its recommendations in the order of the documents, by response (the vocabulary's
  // order, those without one last), with counts by response and by theme.
  auto recs = recommendations_of(call, record->id);
  std::sort(recs.begin(), recs.end(), [](const Record& a, const Record& b) {
    const auto& x = std::get<Recommendation>(a.body);
    const auto& y = std::get<Recommendation>(b.body);
    if (x.document != y.document) return x.document < y.document;
    if (x.paragraph != y.paragraph) return paragraph_less(x.paragraph, y.paragraph);
    return a.id < b.id;
  });
  std::vector<std::string_view> responses(vocab::rec_responses().begin(),
                                          vocab::rec_responses().end());
  responses.push_back("");
  json groups = json::array();
  for (std::string_view response : responses) {
    json items = json::array();
    for (const auto& r : recs)
      if (std::get<Recommendation>(r.body).response == response)
        items.push_back(recommendation_item(call, r, false));
    if (items.empty()) continue;
    std::string label =
        response.empty() ? call.t("ui.no_response") : call.label("rec_response", response);
    json group = {{"label", label},
                  {"count", items.size()},
                  {"anchor", "response-" + std::string(response.empty() ? "none" : response)},
                  {"href", response.empty()
                               ? json()
                               : json(recommendations_url(call, record->id, "response", response))},
                  {"items", std::move(items)}};
    groups.push_back(std::move(group));
  }
  std::map<std::string, std::int64_t> theme_counts;
  for (const auto& r : recs)
    for (const auto& theme : std::get<Recommendation>(r.body).themes) ++theme_counts[theme];
  json themes = json::array();
  for (const auto& [theme, n] : theme_counts)
    themes.push_back({{"label", call.label("rec_theme", theme)},
                      {"count", n},
                      {"href", recommendations_url(call, record->id, "theme", theme)}});
  std::stable_sort(themes.begin(), themes.end(), [](const json& a, const json& b) {
    return a["count"].get<std::int64_t>() > b["count"].get<std::int64_t>();
  });

  json words = recommendation_words(call);
  words.update({{"treaty", call.t("kind.treaty")},
                {"documents", call.t("ui.review_documents")},
                {"submissions", call.t("ui.ngo_submissions")},
                {"recommendations", call.t("kinds.recommendation")},
                {"by_response", call.t("ui.by_response")},
                {"by_theme", call.t("ui.by_theme")},
                {"in_list", call.t("ui.show_in_list")},
                {"links", call.t("ui.links_heading")},
                {"sources", call.t("ui.sources")}});
  json data = {{"title", call.text(v.title)},           {"facts", std::move(facts)},
               {"treaty", call.ref(v.treaty)},          {"documents", std::move(documents)},
               {"submissions", std::move(submissions)}, {"groups", std::move(groups)},
               {"themes", std::move(themes)},           {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},  {"t", std::move(words)}};
  if (!recs.empty())
    data["total"] = {{"text", recommendations_count(call, recs.size())},
                     {"href", recommendations_url(call, record->id)}};
  if (auto s = call.text(v.summary); !s.is_null()) data["summary"] = s;
  // A draft shadow report, where the reviewed treaty's articles are mapped.
  data["shadow_report"] = nullptr;
  if (auto treaty = call.public_record(v.treaty);
      treaty && treaty->kind() == "treaty" &&
      treaty_articles().count(std::get<Treaty>(treaty->body).code))
    data["shadow_report"] = {{"href", call.url_of("review", record->id) + "/shadow-report"},
                             {"text", call.t("ui.shadow_heading")}};
  return call.page("review.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
