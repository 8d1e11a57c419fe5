#include "i18n/messages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/vocabulary.hpp"
#include "test_converter.hpp"

namespace jz::i18n {
namespace {

const Messages& messages() {
  static const Messages kMessages = [] {
    auto m = Messages::load(test_converter());
    if (!m) throw std::runtime_error(m.status().message());
    return std::move(*m);
  }();
  return kMessages;
}

// Every closed list with the name its message keys use: `<list>.<value>`.
const std::vector<std::pair<std::string, jz::vocab::List>>& vocabularies() {
  static const std::vector<std::pair<std::string, jz::vocab::List>> kAll = {
      {"kind", jz::vocab::kinds()},
      {"visibility", jz::vocab::visibilities()},
      {"link_type", jz::vocab::link_types()},
      {"province", jz::vocab::provinces()},
      {"alias_system", jz::vocab::alias_systems()},
      {"gender", jz::vocab::genders()},
      {"person_group", jz::vocab::person_groups()},
      {"person_status", jz::vocab::person_statuses()},
      {"charge_law", jz::vocab::charge_laws()},
      {"sentence_type", jz::vocab::sentence_types()},
      {"case_status", jz::vocab::case_statuses()},
      {"event_type", jz::vocab::event_types()},
      {"event_flag", jz::vocab::event_flags()},
      {"facility_type", jz::vocab::facility_types()},
      {"organization_type", jz::vocab::organization_types()},
      {"source_type", jz::vocab::source_types()},
      {"reliability", jz::vocab::reliability_grades()},
      {"lawyer_expertise", jz::vocab::lawyer_expertise()},
      {"lawyer_availability", jz::vocab::lawyer_availability()},
      {"treaty_type", jz::vocab::treaty_types()},
      {"review_body", jz::vocab::review_bodies()},
      {"rec_theme", jz::vocab::rec_themes()},
      {"rec_response", jz::vocab::rec_responses()},
      {"implementation_status", jz::vocab::implementation_statuses()},
      {"engagement_type", jz::vocab::engagement_types()},
      {"commitment_status", jz::vocab::commitment_statuses()},
      {"indicator_dimension", jz::vocab::indicator_dimensions()},
      {"trend_value", jz::vocab::trend_values()},
      {"kinds", jz::vocab::kinds()},  // plural names
  };
  return kAll;
}

TEST(Messages, LoadsTheEmbeddedCatalogue) {
  auto loaded = Messages::load(test_converter());
  ASSERT_TRUE(loaded) << loaded.status().message();
  EXPECT_FALSE(loaded->keys().empty());
}

TEST(Messages, LabelsEveryValueOfEveryVocabularyInEveryLanguage) {
  for (const auto& [list, values] : vocabularies()) {
    for (std::string_view value : values) {
      const std::string key = list + "." + std::string(value);
      SCOPED_TRACE(key);
      EXPECT_TRUE(messages().has(key));
      for (Lang lang : all_langs()) {
        EXPECT_NE(messages().get(lang, key), key) << html_lang(lang);
        EXPECT_FALSE(messages().get(lang, key).empty()) << html_lang(lang);
      }
    }
  }
}

TEST(Messages, HasNoLabelForAValueTheVocabularyDropped) {
  for (const std::string& key : messages().keys()) {
    std::string list = key.substr(0, key.find('.'));
    std::string value = key.substr(key.find('.') + 1);
    for (const auto& [name, values] : vocabularies()) {
      if (name == list) {
        EXPECT_TRUE(jz::vocab::contains(values, value)) << key;
      }
    }
  }
}

// zh-Hans.json must be Simplified: Traditional written there would reach zh-Hans readers.
// (The zh-Hant side is not checked the same way: OpenCC's s2t is not meant for text that is
// already Traditional and changes some of it, e.g. 獲准 to 獲準.)
TEST(Messages, WritesTheZhHansCatalogueInSimplified) {
  for (const std::string& key : messages().keys()) {
    std::string_view hans = messages().get(Lang::kZhHans, key);
    EXPECT_EQ(test_converter().to_simplified(hans), hans) << key;
  }
}

TEST(Messages, UsesTheStandardTerms) {
  const Messages& m = messages();
  EXPECT_EQ(m.get(Lang::kZhHans, "kinds.person"), "人物");
  EXPECT_EQ(m.get(Lang::kEn, "kinds.person"), "Persons");
  EXPECT_EQ(m.get(Lang::kZhHans, "facility_type.reeducation_through_labour"), "劳动教养所");
  EXPECT_EQ(m.get(Lang::kZhHant, "facility_type.reeducation_through_labour"), "勞動教養所");
  EXPECT_EQ(m.get(Lang::kZhHans, "event_type.residential_surveillance"), "监视居住");
  EXPECT_EQ(m.get(Lang::kZhHans, "event_flag.designated_location"), "在指定居所");
  EXPECT_EQ(m.get(Lang::kZhHans, "facility_type.ankang"), "安康医院");
  EXPECT_EQ(m.get(Lang::kZhHans, "facility_type.black_jail"), "黑监狱");
  EXPECT_EQ(m.get(Lang::kZhHans, "event_type.disappearance"), "强迫失踪");
  EXPECT_EQ(m.get(Lang::kZhHans, "province.tibet"), "西藏自治区");
  EXPECT_EQ(m.get(Lang::kEn, "province.tibet"), "Tibet Autonomous Region");
  EXPECT_EQ(m.get(Lang::kZhHant, "province.xinjiang"), "新疆維吾爾自治區");
  EXPECT_EQ(m.get(Lang::kEn, "province.xinjiang"), "Xinjiang Uyghur Autonomous Region");
}

TEST(Messages, ShowsAnUnknownKeyInsteadOfFailing) {
  EXPECT_FALSE(messages().has("no.such_key"));
  for (Lang lang : all_langs()) EXPECT_EQ(messages().get(lang, "no.such_key"), "no.such_key");
}

TEST(Messages, ListsItsKeysSorted) {
  auto keys = messages().keys();
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  for (const auto& key : keys) EXPECT_TRUE(messages().has(key)) << key;
}

Result<Messages> from(std::string_view zh_hans, std::string_view en,
                      std::string_view zh_hant = "{}") {
  return Messages::from_json(zh_hans, en, zh_hant, test_converter());
}

TEST(Messages, ConvertsZhHantUnlessOverridden) {
  auto m =
      from(R"({"a": "头发", "b": "台湾"})", R"({"a": "hair", "b": "Taiwan"})", R"({"b": "台灣"})");
  ASSERT_TRUE(m) << m.status().message();
  EXPECT_EQ(m->get(Lang::kZhHant, "a"), "頭髮");
  EXPECT_EQ(m->get(Lang::kZhHant, "b"), "台灣");
  EXPECT_EQ(m->get(Lang::kZhHans, "b"), "台湾");
  EXPECT_EQ(m->get(Lang::kEn, "a"), "hair");
}

void expect_error(const Result<Messages>& m, const std::vector<std::string>& parts) {
  ASSERT_FALSE(m);
  for (const auto& part : parts)
    EXPECT_NE(m.status().message().find(part), std::string::npos)
        << "\"" << part << "\" not in: " << m.status().message();
}

TEST(Messages, NamesTheKeysOneLanguageLacks) {
  expect_error(from(R"({"a": "甲", "b": "乙", "c": "丙"})", R"({"a": "A", "d": "D"})"),
               {"missing from en.json: b, c", "missing from zh-Hans.json: d"});
  expect_error(from(R"({"a": "甲"})", R"({"a": "A", "z": "Z"})"), {"missing from zh-Hans.json: z"});
}

TEST(Messages, RejectsFilesThatAreNotFlatObjectsOfText) {
  expect_error(from(R"({"a": "甲",})", R"({"a": "A"})"), {"zh-Hans.json", "not valid JSON"});
  expect_error(from(R"({"a": "甲"})", "not json"), {"en.json", "not valid JSON"});
  expect_error(from(R"({"a": "甲"})", R"({"a": "A"})", "{"), {"zh-Hant.json", "not valid JSON"});
  expect_error(from(R"(["甲"])", R"({"a": "A"})"), {"zh-Hans.json", "one JSON object"});
  expect_error(from(R"({"a": {"b": "甲"}})", R"({"a": "A"})"), {"zh-Hans.json", "\"a\"", "string"});
  expect_error(from(R"({"a": "甲"})", R"({"a": 1})"), {"en.json", "\"a\"", "string"});
  expect_error(from(R"({"a": "甲"})", R"({"a": ""})"), {"en.json", "\"a\" is empty"});
  expect_error(from(R"({"a": "甲", "a": "乙"})", R"({"a": "A"})"),
               {"zh-Hans.json", "more than once: a"});
}

TEST(Messages, RejectsOverridesOfKeysThatDoNotExist) {
  expect_error(from(R"({"a": "甲"})", R"({"a": "A"})", R"({"gone": "舊"})"),
               {"zh-Hant.json", "gone"});
}

}  // namespace
}  // namespace jz::i18n
