#include "web/standing_views.hpp"

#include <algorithm>
#include <cctype>

#include "core/vocabulary.hpp"
#include "monitor/time_limit.hpp"
#include "store/store.hpp"
#include "web/list_query.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

// More than there will ever be of one kind: lists of these kinds are read whole, to be
// ordered by date and counted by review, which the store's slug order cannot do.
constexpr std::int64_t kAll = 1'000'000;

// <time datetime> takes 2009, 2009-02 or 2009-02-09, not EDTF's ranges and marks.
void add_date(json& item, const Call& call, const Date& date) {
  item["date"] = call.date(date);
  // Every key is set (null when empty): a template's section would otherwise find the
  // same name in an enclosing object.
  item["iso"] = nullptr;
  if (date && !date->is_range() && !date->from().approximate && !date->from().uncertain)
    item["iso"] = date->to_string();
}

}  // namespace

Result<std::vector<Record>> all_public(Call& call, std::string_view kind) {
  store::ListQuery query;
  query.kind = kind;
  query.limit = kAll;
  auto found = call.store().list_public(query);
  if (!found) return found.status();
  std::vector<Record> out;
  out.reserve(found->records.size());
  for (const auto& r : found->records)
    if (auto shown = public_view(r, call.visible)) out.push_back(std::move(*shown));
  return out;
}

std::chrono::sys_days today_in_china(const Call& call) {
  return monitor::day_of(monitor::shanghai_minutes(call.now()));
}

bool is_coming(const Review& review, std::chrono::sys_days today) {
  return review.date && review.date->latest() >= today;
}

std::size_t order_reviews(std::vector<Record>& reviews, std::chrono::sys_days today) {
  auto coming = [today](const Record& r) { return is_coming(std::get<Review>(r.body), today); };
  auto split = std::stable_partition(reviews.begin(), reviews.end(), coming);
  auto date = [](const Record& r) -> const Date& { return std::get<Review>(r.body).date; };
  std::stable_sort(reviews.begin(), split, [&](const Record& a, const Record& b) {
    return date(a) != date(b) ? date(a) < date(b) : a.id < b.id;
  });
  std::stable_sort(split, reviews.end(), [&](const Record& a, const Record& b) {
    return date(a) != date(b) ? date(b) < date(a) : a.id < b.id;
  });
  return static_cast<std::size_t>(split - reviews.begin());
}

std::map<std::string, Tally> tally_by_review(const std::vector<Record>& recommendations) {
  std::map<std::string, Tally> out;
  for (const auto& r : recommendations) {
    const auto& rec = std::get<Recommendation>(r.body);
    if (rec.review.empty()) continue;  // its review is not public
    auto& tally = out[rec.review];
    ++tally.total;
    ++tally.by_response[rec.response];
  }
  return out;
}

std::vector<Record> recommendations_of(Call& call, const std::string& review_id) {
  std::vector<Record> out = referring(call, review_id, "recommendation");
  // Evidence may name a review too; only those made in it count.
  std::erase_if(
      out, [&](const Record& r) { return std::get<Recommendation>(r.body).review != review_id; });
  return out;
}

std::string latest_status(const Recommendation& r) {
  return r.assessments.empty() ? "" : r.assessments.back().value;
}

bool paragraph_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      // Compare as numbers: without leading zeros, the shorter is smaller.
      auto na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

std::string treaty_status(const Call& call, const Treaty& t) {
  std::string comma = call.lang == i18n::Lang::kEn ? ", " : "，";
  if (t.signed_on && t.ratified)
    return call.t("ui.treaty_signed", call.date(t.signed_on)) + comma +
           call.t("ui.treaty_ratified", call.date(t.ratified));
  if (t.signed_on)
    return call.t("ui.treaty_signed", call.date(t.signed_on)) + comma +
           call.t("ui.treaty_not_ratified");
  if (t.ratified) return call.t("ui.treaty_ratified", call.date(t.ratified));
  return call.t("ui.treaty_not_signed");
}

std::string recommendations_count(const Call& call, std::size_t n) {
  return n == 1 ? call.t("ui.recommendations_1")
                : call.t("ui.recommendations_n", std::to_string(n));
}

std::string recommendations_url(const Call& call, std::string_view review, std::string_view facet,
                                std::string_view value) {
  std::string out = call.url("/recommendations/");
  char sep = '?';
  if (!review.empty()) {
    out += sep + std::string("review=") + percent_encode(review);
    sep = '&';
  }
  if (!facet.empty() && !value.empty())
    out += sep + percent_encode(facet) + "=" + percent_encode(value);
  return out;
}

json review_item(Call& call, const Record& review, const Tally* tally) {
  const auto& v = std::get<Review>(review.body);
  json item = {{"href", call.url_of("review", review.id)},
               {"title", call.text(v.title)},
               {"body", call.label("review_body", v.body)},
               {"cycle", or_null(v.cycle)},
               {"treaty", call.ref(v.treaty)},
               {"count", nullptr},
               {"responses", json::array()}};
  add_date(item, call, v.date);
  if (tally && tally->total > 0) {
    item["count"] = {{"text", recommendations_count(call, static_cast<std::size_t>(tally->total))},
                     {"href", recommendations_url(call, review.id)}};
    json responses = json::array();
    for (std::string_view response : vocab::rec_responses()) {
      auto n = tally->by_response.find(std::string(response));
      if (n == tally->by_response.end()) continue;
      responses.push_back({{"label", call.label("rec_response", response)},
                           {"count", n->second},
                           {"href", recommendations_url(call, review.id, "response", response)}});
    }
    item["responses"] = std::move(responses);
  }
  return item;
}

json recommendation_item(Call& call, const Record& rec, bool with_review) {
  const auto& r = std::get<Recommendation>(rec.body);
  json item = {{"href", call.url_of("recommendation", rec.id)},
               {"label", r.paragraph.empty() ? call.t("kind.recommendation")
                                             : call.t("ui.paragraph_n", r.paragraph)},
               {"text", call.text(r.text)},
               {"document", or_null(r.document)},
               {"response", or_null(call.label("rec_response", r.response))},
               {"implementation", or_null(call.label("implementation_status", latest_status(r)))},
               {"from", nullptr},
               {"review", with_review ? call.ref(r.review) : json()}};
  if (!r.from.empty()) {
    // The recommending state is recorded in English.
    item["from"] = {{"text", r.from}};
    if (call.lang != i18n::Lang::kEn) item["from"]["lang"] = "en";
  }
  return item;
}

}  // namespace jz::web
