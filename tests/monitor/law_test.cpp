// Reading the law file: the one compiled in, and the errors a bad file gets.
#include "monitor/law.hpp"

#include <gtest/gtest.h>

namespace jz::monitor {
namespace {

using namespace std::chrono;

TEST(Law, TheCompiledInFileHasEveryClockInEachVersionThatHadIt) {
  const Law& law = criminal_procedure_law();
  EXPECT_EQ(law.law, "criminal_procedure_law");
  ASSERT_EQ(law.versions.size(), 3u);
  EXPECT_EQ(law.version_on(sys_days(year{1996} / 12 / 31)), nullptr);
  EXPECT_EQ(law.version_on(sys_days(year{2012} / 12 / 31))->version, "1996");
  EXPECT_EQ(law.version_on(sys_days(year{2013} / 1 / 1))->version, "2012");
  EXPECT_EQ(law.version_on(sys_days(year{2018} / 10 / 25))->version, "2012");
  EXPECT_EQ(law.version_on(sys_days(year{2018} / 10 / 26))->version, "2018");
  auto has = [&](const std::string& clock, const std::string& version) {
    for (const auto& r : law.rules)
      if (r.clock == clock && r.version == version) return true;
    return false;
  };
  for (const char* clock :
       {"detention_to_arrest_request", "arrest_decision", "family_notice_detention",
        "family_notice_arrest", "residential_surveillance_limit", "investigation_custody",
        "review_for_prosecution", "first_instance", "appeal_window", "second_instance",
        "public_trial", "public_judgment"})
    for (const char* version : {"1996", "2012", "2018"})
      EXPECT_TRUE(has(clock, version)) << clock << " " << version;
  for (const char* clock : {"lawyer_meeting", "family_notice_designated_residence"}) {
    EXPECT_FALSE(has(clock, "1996")) << clock;
    EXPECT_TRUE(has(clock, "2012")) << clock;
    EXPECT_TRUE(has(clock, "2018")) << clock;
  }
  // The procedure's order: steps outside it (notices, visits) have no stage.
  EXPECT_LT(law.stage_of("criminal_detention"), law.stage_of("arrest_approved"));
  EXPECT_LT(law.stage_of("indicted"), law.stage_of("trial"));
  EXPECT_EQ(law.stage_of("criminal_detention"), law.stage_of("residential_surveillance"));
  EXPECT_EQ(law.stage_of("family_notified"), -1);
  EXPECT_EQ(law.stage_of("lawyer_meeting_denied"), -1);
  for (const auto& r : law.rules) {
    EXPECT_FALSE(r.quote.zh.empty()) << r.id;
    EXPECT_FALSE(r.quote.en.empty()) << r.id;
    EXPECT_FALSE(r.source.title.empty()) << r.id;
  }
}

// A minimal valid file, with `rule` as its one rule.
std::string with_rule(const std::string& rule) {
  return R"({"law": "criminal_procedure_law", "name": {"zh": "刑事诉讼法", "en": "CPL"},
    "versions": [{"version": "2018", "in_force": "2018-10-26..",
                  "text_source": {"title": "t"}}],
    "rules": [)" +
         rule + "]}";
}
const std::string kGood = R"({"id": "r", "clock": "c", "version": "2018", "article": "91",
    "quote": {"zh": "三日", "en": "three days"}, "summary": {"zh": "三日", "en": "3 days"},
    "from": ["criminal_detention"], "to": ["arrest_requested"], "limit": "3 days")";

std::string error_of(const std::string& text) {
  auto law = parse_law(text);
  return law ? "" : law.status().message();
}

TEST(Law, AGoodRuleParses) {
  auto law = parse_law(with_rule(kGood + "}"));
  ASSERT_TRUE(law) << law.status().message();
  EXPECT_EQ(law->rules[0].limit, (Duration{3, Unit::kDays}));
  EXPECT_EQ(law->rules[0].source.title, "t");  // the version's source unless the rule has one
  EXPECT_NE(law->rule("r"), nullptr);
}

TEST(Law, ErrorsNameThePathAndWhatToWrite) {
  EXPECT_EQ(error_of("[1]"), "the law file is not a JSON object");
  EXPECT_EQ(error_of(with_rule(kGood + R"(, "to": ["arrested"]})")).substr(0, 18),
            "/rules/0/to: \"arre");
  EXPECT_NE(error_of(with_rule(kGood + R"(, "limit": "3 weeks"})")).find("/rules/0/limit"),
            std::string::npos);
  EXPECT_NE(error_of(with_rule(R"({"id": "r"})")).find("/rules/0/clock: required"),
            std::string::npos);
  EXPECT_NE(
      error_of(with_rule(kGood + R"(, "version": "2030"})")).find("not one of the file's versions"),
      std::string::npos);
  EXPECT_NE(
      error_of(
          with_rule(kGood +
                    R"(, "extensions": [{"limit": "2 days", "ground": {"zh": "x", "en": "x"}}]})"))
          .find("/rules/0/extensions/0/limit: must be longer"),
      std::string::npos);
  EXPECT_NE(
      error_of(
          with_rule(kGood +
                    R"(, "exceptions": [{"ground": "whim", "text": {"zh": "x", "en": "x"}}]})"))
          .find("not a ground the engine knows"),
      std::string::npos);
  EXPECT_NE(
      error_of(with_rule(kGood + R"(, "kind": "public_hearing"})")).find("/rules/0/flag: required"),
      std::string::npos);
  EXPECT_NE(error_of(with_rule(kGood + "}," + kGood + "}")).find("\"r\" is used twice"),
            std::string::npos);
  std::string staged = with_rule(kGood + "}");
  staged.insert(staged.size() - 1, R"(, "stages": [["trial"], ["verdict", "trial"]])");
  EXPECT_EQ(error_of(staged), "/stages/1: \"trial\" is in two stages");
}

}  // namespace
}  // namespace jz::monitor
