// The priority score: each criterion at its boundaries, the explanation, and the weights
// file (the one shipped, and the errors a wrong one gets).
#include "monitor/priority.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace jz::monitor {
namespace {

const ScorePart* part(const PriorityScore& s, const std::string& criterion) {
  for (const auto& p : s.parts)
    if (p.criterion == criterion) return &p;
  return nullptr;
}

TEST(Priority, EachCriterionGivesPointsUpToItsWeight) {
  PriorityWeights w;
  EXPECT_EQ(score({}, w).total, 0);
  EXPECT_TRUE(score({}, w).parts.empty());
  PriorityFacts f;
  f.ill = true;
  f.sentence_years = 11;
  f.days_held_untried = 382;
  f.age = 62;
  f.access_denials = 2;
  f.days_to_opportunity = 30;
  auto s = score(f, w);
  EXPECT_DOUBLE_EQ(part(s, "serious_illness")->points, 30);
  EXPECT_DOUBLE_EQ(part(s, "long_sentence")->points, 25 * 11.0 / 20);
  EXPECT_DOUBLE_EQ(part(s, "long_sentence")->value, 11);
  EXPECT_DOUBLE_EQ(part(s, "without_trial")->points, 20);  // over a year: all of it
  EXPECT_DOUBLE_EQ(part(s, "age")->points, 7.5);           // 60 to 64: half
  EXPECT_DOUBLE_EQ(part(s, "denied_access")->value, 2);
  EXPECT_DOUBLE_EQ(part(s, "opportunity")->points, 10);
  EXPECT_DOUBLE_EQ(s.total, 30 + 13.75 + 20 + 7.5 + 15 + 10);
  // Largest first, so the explanation starts with what weighs most.
  for (std::size_t i = 1; i < s.parts.size(); ++i)
    EXPECT_GE(s.parts[i - 1].points, s.parts[i].points);
}

TEST(Priority, Boundaries) {
  PriorityWeights w;
  auto points = [&](PriorityFacts f, const char* c) {
    auto s = score(f, w);
    auto* p = part(s, c);
    return p ? p->points : 0.0;
  };
  EXPECT_EQ(points({.age = 59}, "age"), 0);
  EXPECT_EQ(points({.age = 60}, "age"), 7.5);
  EXPECT_EQ(points({.age = 65}, "age"), 15);
  EXPECT_EQ(points({.life_or_death = true}, "long_sentence"), 25);
  EXPECT_EQ(points({.sentence_years = 40}, "long_sentence"), 25);
  EXPECT_EQ(points({.days_to_opportunity = 90}, "opportunity"), 10);
  EXPECT_EQ(points({.days_to_opportunity = 91}, "opportunity"), 0);
  EXPECT_DOUBLE_EQ(points({.days_held_untried = 73}, "without_trial"), 4);
}

TEST(Priority, WeightsAreConfigurable) {
  auto w = parse_weights(R"({"serious_illness": 50, "age_from": 70})");
  ASSERT_TRUE(w) << w.status().message();
  EXPECT_EQ(w->serious_illness, 50);
  EXPECT_EQ(w->age_from, 70);
  EXPECT_EQ(w->long_sentence, 25);  // the rest as before
  PriorityFacts f{.ill = true, .age = 66};
  EXPECT_DOUBLE_EQ(score(f, *w).total, 50 + 7.5);
  // The file shipped in data/ says what the defaults are.
  std::ifstream in(JZ_SOURCE_DIR "/data/priority-weights.json");
  std::stringstream text;
  text << in.rdbuf();
  auto shipped = parse_weights(text.str());
  ASSERT_TRUE(shipped) << shipped.status().message();
  EXPECT_EQ(*shipped, PriorityWeights{});
}

TEST(Priority, AWrongWeightsFileSaysWhichKey) {
  EXPECT_NE(parse_weights("[]").status().message().find("not a JSON object"), std::string::npos);
  EXPECT_NE(parse_weights(R"({"ilness": 3})")
                .status()
                .message()
                .find("\"ilness\" is not a weight; the weights are serious_illness, long_sentence"),
            std::string::npos);
  EXPECT_NE(parse_weights(R"({"age": -1})").status().message().find("\"age\": -1 is not a number"),
            std::string::npos);
  EXPECT_NE(parse_weights(R"({"age_from": 6.5})").status().message().find("whole number"),
            std::string::npos);
  EXPECT_NE(parse_weights(R"({"opportunity_days": 0})").status().message().find("at least 1"),
            std::string::npos);
}

}  // namespace
}  // namespace jz::monitor
