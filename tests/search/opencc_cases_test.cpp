// OpenCC's own test cases (../shared/realdata/opencc-tests/testcases.json) for the
// conversions the tokenizer relies on: for every Chinese script configuration, the input
// and OpenCC's expected output must fold to the same text, so a search in one script finds
// the other. Vocabulary configurations (s2twp: 鼠标 -> 滑鼠) change words, not characters,
// and the Japanese ones (jp2t) change Japanese forms; folding leaves both alone.
#include <gtest/gtest.h>

#include <set>

#include "common/opencc_cases.hpp"

#include "search/fold.hpp"

namespace jz::search {
namespace {

TEST(OpenccCases, EveryScriptPairFoldsToTheSameText) {
  auto json = testing::opencc_cases(JZ_REALDATA);
  ASSERT_FALSE(json.is_null()) << "missing ../shared/realdata/opencc-tests/testcases.json";
  const std::set<std::string> relied_on = {"s2t",  "t2s",  "s2tw", "tw2s", "s2hk",
                                           "hk2s", "t2tw", "tw2t", "t2hk", "hk2t"};
  int checked = 0;
  std::set<std::string> differ;
  for (const auto& c : json.at("cases")) {
    std::string input = c.at("input");
    for (const auto& [config, expected] : c.at("expected").items()) {
      if (!relied_on.count(config)) continue;
      ++checked;
      if (fold(input) != fold(expected.get<std::string>()))
        differ.insert(c.at("id").get<std::string>() + " " + config);
    }
  }
  // Conversions OpenCC makes only inside particular phrases (沈厚 -> 沉厚 but the surname 沈
  // stays; 麪坏 -> 面坯 but 破坏 stays; 老么 -> 老幺; 想象/想像; 劄记/札记 ...). Folding
  // converts one character at a time, so that any substring of a text folds the same as
  // it does in place; a phrase-level rule would make 1- and 2-character queries miss.
  const std::set<std::string> phrase_level = {
      "BYVoid_OpenCC_Issue_1335 t2s",
      "BYVoid_OpenCC_Issue_1469_simplified_me_passthrough tw2s",
      "BYVoid_OpenCC_Issue_1469_simplified_me_passthrough tw2t",
      "BYVoid_OpenCC_Issue_930 hk2s",
      "BYVoid_OpenCC_Issue_930 t2s",
      "BYVoid_OpenCC_Issue_930 tw2s",
      "BYVoid_OpenCC_PR_1035_s2t s2t",
      "BYVoid_OpenCC_PR_1369_t2x hk2s",
      "BYVoid_OpenCC_PR_1369_t2x t2s",
      "BYVoid_OpenCC_PR_1369_t2x tw2s",
      "BYVoid_OpenCC_PR_464_han_vs_han t2s",
      "BYVoid_OpenCC_PR_464_jia_vs_jia t2s",
      "BYVoid_OpenCC_PR_464_jing_vs_jing_s2t s2t",
      "BYVoid_OpenCC_PR_464_xi_vs_xi s2t",
      "BYVoid_OpenCC_PR_464_xi_vs_xi t2s",
      "BYVoid_OpenCC_PR_464_zha_vs_zha s2t",
      "BYVoid_OpenCC_PR_464_zha_vs_zha t2s",
      "case_055_s2t s2t",
      "case_060_s2x s2tw",
      "case_061_t2x t2tw",
      "case_062_tw2x tw2s",
      "case_062_tw2x tw2t",
      "rao_variant t2s",
      "t2s_huai_and_pi_phrases t2s",
  };
  EXPECT_EQ(differ, phrase_level);
  EXPECT_GE(checked, 300);
  RecordProperty("checked", checked);
}

}  // namespace
}  // namespace jz::search
