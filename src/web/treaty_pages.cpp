// "UN and dialogues": the hub with every treaty and where China stands on it, the coming and
// the latest reviews, and the ways on to reviews, recommendations, dialogues and indicators;
// and a treaty's page with its reservations, optional protocols and reviews.
#include <algorithm>

#include "core/vocabulary.hpp"
#include "web/handlers.hpp"
#include "web/record_views.hpp"
#include "web/standing_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

constexpr std::size_t kHubReviews = 5;  // coming, and latest past, on the hub

std::size_t type_rank(std::string_view type) {
  auto types = vocab::treaty_types();
  return static_cast<std::size_t>(std::find(types.begin(), types.end(), type) - types.begin());
}

json treaty_row(Call& call, const Record& r) {
  const auto& t = std::get<Treaty>(r.body);
  return {{"href", call.url_of("treaty", r.id)}, {"code", t.code},
          {"name", call.text(t.name)},           {"type", call.label("treaty_type", t.type)},
          {"status", treaty_status(call, t)},    {"reservations", t.reservations.size()}};
}

json reviews_with_tallies(Call& call, std::vector<Record>::const_iterator from,
                          std::vector<Record>::const_iterator to) {
  json out = json::array();
  for (auto it = from; it != to; ++it) {
    auto tallies = tally_by_review(recommendations_of(call, it->id));
    auto tally = tallies.find(it->id);
    out.push_back(review_item(call, *it, tally == tallies.end() ? nullptr : &tally->second));
  }
  return out;
}

json review_words(const Call& call) {
  return {
      {"coming", call.t("ui.reviews_coming")}, {"latest", call.t("ui.reviews_latest")},
      {"past", call.t("ui.reviews_past")},     {"none_coming", call.t("ui.reviews_none_coming")},
      {"none", call.t("ui.reviews_none")},     {"calendar", call.t("ui.reviews_calendar")}};
}

}  // namespace

http::Response treaty_hub(Call& call) {
  auto treaties = all_public(call, "treaty");
  if (!treaties) return call.error(treaties.status());
  std::stable_sort(treaties->begin(), treaties->end(), [](const Record& a, const Record& b) {
    const auto& x = std::get<Treaty>(a.body);
    const auto& y = std::get<Treaty>(b.body);
    auto rx = type_rank(x.type), ry = type_rank(y.type);
    return rx != ry ? rx < ry : x.code < y.code;
  });
  json rows = json::array();
  for (const auto& r : *treaties) rows.push_back(treaty_row(call, r));

  auto reviews = all_public(call, "review");
  if (!reviews) return call.error(reviews.status());
  std::size_t coming = order_reviews(*reviews, today_in_china(call));
  auto begin = reviews->cbegin();
  auto split = begin + static_cast<std::ptrdiff_t>(coming);
  auto end_coming = begin + static_cast<std::ptrdiff_t>(std::min(coming, kHubReviews));
  auto end_past =
      split + static_cast<std::ptrdiff_t>(std::min(reviews->size() - coming, kHubReviews));

  json more = json::array();
  for (auto kind : {"review", "recommendation", "engagement", "indicator"})
    more.push_back({{"href", call.url_of(kind)}, {"label", call.t("kinds." + std::string(kind))}});

  json words = review_words(call);
  words.update({{"treaties", call.t("kinds.treaty")},
                {"code", call.t("ui.treaty_code")},
                {"name", call.t("kind.treaty")},
                {"type", call.t("ui.treaty_type")},
                {"china", call.t("ui.treaty_china")},
                {"reservations", call.t("ui.reservations")},
                {"no_treaties", call.t("ui.list_empty")},
                {"more", call.t("ui.treaties_more")},
                {"all_reviews", call.t("ui.all_reviews")}});
  json data = {{"heading", call.t("ui.nav_treaties")},
               {"intro", call.t("ui.treaties_intro")},
               {"treaties", std::move(rows)},
               {"coming", reviews_with_tallies(call, begin, end_coming)},
               {"past", reviews_with_tallies(call, split, end_past)},
               {"reviews_href", call.url_of("review")},
               {"calendar_href", call.url("/reviews.ics")},
               {"more", std::move(more)},
               {"t", std::move(words)}};
  return call.page("treaties.mustache", std::move(data), call.t("ui.nav_treaties"));
}

http::Response treaty_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "treaty") return call.error(404);
  const auto& t = std::get<Treaty>(record->body);

  json facts = json::array();
  add_fact(facts, call, "ui.treaty_code", t.code);
  add_fact(facts, call, "ui.treaty_type", call.label("treaty_type", t.type));
  add_fact(facts, call, "ui.monitoring_body", call.str(t.monitoring_body));
  add_fact(facts, call, "ui.treaty_adopted", call.date(t.adopted));
  add_fact(facts, call, "ui.treaty_china", treaty_status(call, t));

  json reservations = json::array();
  for (const auto& r : t.reservations)
    if (auto text = call.text(r); !text.is_null()) reservations.push_back(std::move(text));

  // Its optional protocols: treaties whose parent it is.
  json protocols = json::array();
  auto children = referring(call, record->id, "treaty");
  std::sort(children.begin(), children.end(), [](const Record& a, const Record& b) {
    return std::get<Treaty>(a.body).code < std::get<Treaty>(b.body).code;
  });
  for (const auto& c : children)
    if (std::get<Treaty>(c.body).parent == record->id) protocols.push_back(treaty_row(call, c));

  auto reviews = referring(call, record->id, "review");
  std::erase_if(reviews,
                [&](const Record& r) { return std::get<Review>(r.body).treaty != record->id; });
  order_reviews(reviews, today_in_china(call));

  json words = review_words(call);
  words.update({{"reservations", call.t("ui.reservations")},
                {"protocols", call.t("ui.optional_protocols")},
                {"protocol_to", call.t("ui.protocol_to")},
                {"reviews", call.t("kinds.review")},
                {"links", call.t("ui.links_heading")},
                {"sources", call.t("ui.sources")}});
  json data = {{"name", call.text(t.name)},
               {"code", t.code},
               {"facts", std::move(facts)},
               {"parent", call.ref(t.parent)},
               {"reservations", std::move(reservations)},
               {"protocols", std::move(protocols)},
               {"reviews", reviews_with_tallies(call, reviews.cbegin(), reviews.cend())},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t", std::move(words)}};
  if (auto s = call.text(t.summary); !s.is_null()) data["summary"] = s;
  return call.page("treaty.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
