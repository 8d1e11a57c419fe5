#include "monitor/priority.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace jz::monitor {

using nlohmann::json;

Result<PriorityWeights> parse_weights(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::invalid(
        "the weights are not a JSON object: write {\"serious_illness\": 30, ...}");
  PriorityWeights w;
  struct Field {
    const char* key;
    double* real;
    int* whole;
  };
  const Field fields[] = {{"serious_illness", &w.serious_illness, nullptr},
                          {"long_sentence", &w.long_sentence, nullptr},
                          {"long_sentence_years", nullptr, &w.long_sentence_years},
                          {"without_trial", &w.without_trial, nullptr},
                          {"without_trial_days", nullptr, &w.without_trial_days},
                          {"age", &w.age, nullptr},
                          {"age_from", nullptr, &w.age_from},
                          {"denied_access", &w.denied_access, nullptr},
                          {"opportunity", &w.opportunity, nullptr},
                          {"opportunity_days", nullptr, &w.opportunity_days}};
  std::string known;
  for (const auto& f : fields) known += std::string(known.empty() ? "" : ", ") + f.key;
  for (const auto& [key, value] : j.items()) {
    const Field* f = std::find_if(std::begin(fields), std::end(fields),
                                  [&](const Field& x) { return key == x.key; });
    if (f == std::end(fields))
      return Status::invalid("\"" + key + "\" is not a weight; the weights are " + known);
    if (!value.is_number() || value.get<double>() < 0 || (f->whole && !value.is_number_integer()))
      return Status::invalid("\"" + key + "\": " + value.dump() + " is not a " +
                             (f->whole ? "whole number" : "number") + " of 0 or more");
    if (f->whole) {
      if (value.get<double>() < 1) return Status::invalid("\"" + key + "\" must be at least 1");
      *f->whole = value.get<int>();
    } else {
      *f->real = value.get<double>();
    }
  }
  return w;
}

PriorityScore score(const PriorityFacts& facts, const PriorityWeights& w) {
  PriorityScore s;
  auto add = [&](const char* criterion, double share, double weight, double value) {
    share = std::clamp(share, 0.0, 1.0);
    if (share <= 0 || weight <= 0) return;
    s.parts.push_back({criterion, share * weight, weight, value});
  };
  if (facts.ill) add("serious_illness", 1, w.serious_illness, 1);
  if (facts.life_or_death)
    add("long_sentence", 1, w.long_sentence, facts.sentence_years);
  else
    add("long_sentence", facts.sentence_years / w.long_sentence_years, w.long_sentence,
        facts.sentence_years);
  if (facts.days_held_untried)
    add("without_trial", double(*facts.days_held_untried) / w.without_trial_days, w.without_trial,
        *facts.days_held_untried);
  if (facts.age)
    add("age",
        *facts.age >= w.age_from       ? 1
        : *facts.age >= w.age_from - 5 ? 0.5
                                       : 0,
        w.age, *facts.age);
  if (facts.access_denials > 0) add("denied_access", 1, w.denied_access, facts.access_denials);
  if (facts.days_to_opportunity && *facts.days_to_opportunity <= w.opportunity_days)
    add("opportunity", 1, w.opportunity, *facts.days_to_opportunity);
  std::stable_sort(s.parts.begin(), s.parts.end(),
                   [](const ScorePart& a, const ScorePart& b) { return a.points > b.points; });
  for (const auto& p : s.parts) s.total += p.points;
  return s;
}

}  // namespace jz::monitor
