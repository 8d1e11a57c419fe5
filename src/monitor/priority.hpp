#pragma once
// The priority of a detained person, from the criteria advocates use to choose whom to raise
// (seeds 000 §5, 002, 003): serious illness, a long sentence, long detention without trial,
// old age, denied access to a lawyer or family, and an opportunity coming up. Each criterion
// gives points up to its weight; the score is their sum, and every part says why.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace jz::monitor {

// The weights (data/priority-weights.json documents them; a file of the same shape given to
// `serve --priority-weights` or `list-prisoners --weights` replaces them).
struct PriorityWeights {
  double serious_illness = 30;
  double long_sentence = 25;
  int long_sentence_years = 20;  // full points at a sentence this long (life and death too)
  double without_trial = 20;
  int without_trial_days = 365;  // full points after this long held without a verdict
  double age = 15;
  int age_from = 65;  // full points from this age, half from five years younger
  double denied_access = 15;
  double opportunity = 10;
  int opportunity_days = 90;  // an opportunity this close or closer counts
  bool operator==(const PriorityWeights&) const = default;
};

// Reads weights from JSON; a key the file has that the weights do not (a typo), or a
// negative or non-numeric value, is an error naming the key.
Result<PriorityWeights> parse_weights(std::string_view json_text);

// What the score reads about one person, gathered from the public record.
struct PriorityFacts {
  bool ill = false;                           // health noted, or a health incident or hunger strike
  double sentence_years = 0;                  // the longest sentence of their cases
  bool life_or_death = false;                 // life imprisonment or a death sentence
  std::optional<int> days_held_untried = {};  // from custody to the verdict, or to today
  bool untried = false;                       // no verdict yet: the days count on
  std::optional<int> age = {};  // in whole years, at the youngest the birth date allows
  int access_denials = 0;       // lawyer visits denied, notice or visit limits violated
  std::optional<int> days_to_opportunity = {};  // the nearest coming opportunity they are raised at
};

struct ScorePart {
  std::string criterion = {};  // "serious_illness", "long_sentence", ...
  double points = 0;
  double weight = 0;
  double value = 0;  // what was measured: years, days, age, denials; 1 for yes
};

struct PriorityScore {
  double total = 0;
  std::vector<ScorePart> parts = {};  // the criteria that gave points, largest first
};

PriorityScore score(const PriorityFacts& facts, const PriorityWeights& weights);

}  // namespace jz::monitor
