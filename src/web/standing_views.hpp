#pragma once
// What the pages of treaties, reviews and recommendations share (treaty_pages.cpp,
// review_pages.cpp, recommendation_pages.cpp): every public record of a kind, today in
// China, the order of reviews, the count of a review's recommendations by response, and
// the template values of a treaty's status, a review and a recommendation in a list. Every
// record here came through public_view().
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "web/call.hpp"

namespace jz::web {

// Every public record of `kind`, as the public sees it (slug order).
Result<std::vector<Record>> all_public(Call& call, std::string_view kind);

// Today in China: the day the opportunity calendar (issue 6) counts from too.
std::chrono::sys_days today_in_china(const Call& call);

// A review is coming while the last day its date may mean is today or later.
bool is_coming(const Review& review, std::chrono::sys_days today);

// Reviews in the order the pages list them: coming ones soonest first, then past ones
// latest first. Returns how many are coming (they are the first ones).
std::size_t order_reviews(std::vector<Record>& reviews, std::chrono::sys_days today);

// A review's public recommendations counted by response ("" for none given).
struct Tally {
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> by_response;
};
std::map<std::string, Tally> tally_by_review(const std::vector<Record>& recommendations);

// The public recommendations made in a review (body.review is its id), in any order.
std::vector<Record> recommendations_of(Call& call, const std::string& review_id);

// The implementation status of a recommendation's latest assessment ("" when none): the
// same one its "implementation" facet holds (core/facets.cpp).
std::string latest_status(const Recommendation& r);

// "114.2" before "114.10": runs of digits compare as numbers.
bool paragraph_less(std::string_view a, std::string_view b);

// China's signature and ratification in words: "signed 1998, not ratified",
// "signed 1986, ratified 1988", "ratified 2008" (accession), "not signed".
std::string treaty_status(const Call& call, const Treaty& t);

// A review in a list: date, body, title and link, cycle, treaty, and with a tally, the
// number of recommendations and of each response, linked to the filtered list.
nlohmann::json review_item(Call& call, const Record& review, const Tally* tally);

// "3 recommendations", "1 recommendation".
std::string recommendations_count(const Call& call, std::size_t n);

// The URL of the recommendations list filtered by `review` and one more facet (optional).
std::string recommendations_url(const Call& call, std::string_view review,
                                std::string_view facet = "", std::string_view value = "");

// A recommendation in a list: paragraph and link, text, recommending state, response, the
// latest implementation status, and (with_review) the review it was made in.
nlohmann::json recommendation_item(Call& call, const Record& rec, bool with_review);

}  // namespace jz::web
