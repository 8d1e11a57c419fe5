#include "web/engagement_scorecard.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace jz::web {
namespace {

bool raised_in(const Record& r, std::string_view event) {
  return std::any_of(r.links.begin(), r.links.end(),
                     [&](const Link& l) { return l.type == "raised_in" && l.target == event; });
}

bool held(const Record& r) {
  const auto* p = std::get_if<Person>(&r.body);
  return p && held_status(p->status);
}

}  // namespace

bool held_status(std::string_view status) {
  return status == "detained" || status == "serving_sentence" || status == "disappeared" ||
         status == "under_surveillance";
}

CommitmentCounts count_commitments(const Engagement& engagement) {
  CommitmentCounts c;
  for (const auto& commitment : engagement.commitments) {
    const auto& s = commitment.status;
    if (s == "kept") ++c.kept;
    if (s == "partly_kept") ++c.partly_kept;
    if (s == "broken") ++c.broken;
    if (s == "pending") ++c.pending;
    if (s == "unclear") ++c.unclear;
  }
  return c;
}

Scorecard make_scorecard(const Engagement& engagement, const std::vector<Record>& records) {
  Scorecard card{.counts = count_commitments(engagement)};

  std::map<std::string_view, const Record*> by_id;
  for (const auto& r : records)
    if (r.kind() == "person" || r.kind() == "case") by_id.emplace(r.id, &r);

  std::vector<std::size_t> order(engagement.rounds.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto &x = engagement.rounds[a].date, &y = engagement.rounds[b].date;
    if (!x || !y) return x.has_value() && !y.has_value();  // undated last
    return *x < *y;
  });

  std::map<std::string, std::size_t> first;  // id -> position of the first round raising it
  std::vector<std::string> first_order;      // ids in the order they were first raised
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    const auto& round = engagement.rounds[order[pos]];
    ScorecardRound out{.index = order[pos]};
    auto add = [&](const std::string& id, bool listed) {
      auto found = std::find_if(out.raised.begin(), out.raised.end(),
                                [&](const Raised& r) { return r.id == id; });
      if (found == out.raised.end()) {
        out.raised.push_back({.id = id, .held = held(*by_id.at(id))});
        found = out.raised.end() - 1;
      }
      (listed ? found->listed : found->linked) = true;
    };
    for (const auto& id : round.raised)
      if (by_id.count(id)) add(id, true);
    if (!round.event.empty())
      for (const auto& [id, r] : by_id)  // by id
        if (raised_in(*r, round.event)) add(std::string(id), false);

    for (auto& r : out.raised) {
      auto [at, inserted] = first.emplace(r.id, pos);
      if (inserted)
        first_order.push_back(r.id);
      else
        r.first_round = at->second;
    }
    for (const auto& id : first_order) {
      std::size_t when = first.at(id);
      if (when == pos) continue;
      bool here = std::any_of(out.raised.begin(), out.raised.end(),
                              [&](const Raised& r) { return r.id == id; });
      if (!here && held(*by_id.at(id))) out.still_held.push_back({.id = id, .first_round = when});
    }
    card.rounds.push_back(std::move(out));
  }
  return card;
}

}  // namespace jz::web
