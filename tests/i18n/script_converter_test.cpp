#include "i18n/script_converter.hpp"

#include <gtest/gtest.h>

#include "common/opencc_cases.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "test_converter.hpp"

namespace jz::i18n {
namespace {

const ScriptConverter& converter() {
  return test_converter();
}

TEST(ScriptConverter, ConvertsNamesBothWays) {
  EXPECT_EQ(converter().to_traditional("刘晓波"), "劉曉波");
  EXPECT_EQ(converter().to_simplified("劉曉波"), "刘晓波");
  EXPECT_EQ(converter().to_traditional("许志永"), "許志永");
  EXPECT_EQ(converter().to_simplified("伊力哈木·土赫提"), "伊力哈木·土赫提");
}

TEST(ScriptConverter, ChoosesCharactersByPhrase) {
  // 发 is 發 (to issue, to discover) or 髮 (hair); 干 is 幹, 乾 or 干.
  EXPECT_EQ(converter().to_traditional("头发"), "頭髮");
  EXPECT_EQ(converter().to_traditional("理发"), "理髮");
  EXPECT_EQ(converter().to_traditional("发现"), "發現");
  EXPECT_EQ(converter().to_traditional("发表声明"), "發表聲明");
  EXPECT_EQ(converter().to_traditional("干燥"), "乾燥");
  EXPECT_EQ(converter().to_traditional("指定居所监视居住"), "指定居所監視居住");
  EXPECT_EQ(converter().to_simplified("頭髮"), "头发");
  EXPECT_EQ(converter().to_simplified("發現"), "发现");
}

TEST(ScriptConverter, LeavesOtherTextAlone) {
  EXPECT_EQ(converter().to_traditional(""), "");
  EXPECT_EQ(converter().to_simplified(""), "");
  EXPECT_EQ(converter().to_traditional("Liu Xiaobo, 1955–2017 <b>&amp;</b>"),
            "Liu Xiaobo, 1955–2017 <b>&amp;</b>");
  EXPECT_EQ(converter().to_traditional("劉曉波"), "劉曉波");  // already Traditional
  EXPECT_EQ(converter().to_simplified("刘晓波"), "刘晓波");
}

TEST(ScriptConverter, ReturnsTextThatIsNotUtf8Unchanged) {
  const std::string broken = "\xff\xfe 刘晓波";
  EXPECT_EQ(converter().to_traditional(broken), broken);
  EXPECT_EQ(converter().to_simplified(broken), broken);
}

TEST(ScriptConverter, IsMovable) {
  auto opened = ScriptConverter::open();
  ASSERT_TRUE(opened) << opened.status().message();
  ScriptConverter moved = std::move(*opened);
  EXPECT_EQ(moved.to_traditional("见证"), "見證");
  ScriptConverter assigned = std::move(moved);
  EXPECT_EQ(assigned.to_simplified("見證"), "见证");
}

TEST(ScriptConverter, NamesTheMissingFileAndThePackage) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "jz_no_opencc";
  std::filesystem::create_directories(dir);
  auto opened = ScriptConverter::open_in(dir);
  ASSERT_FALSE(opened);
  const std::string& message = opened.status().message();
  EXPECT_NE(message.find((dir / "s2tw.json").string()), std::string::npos) << message;
  EXPECT_NE(message.find("libopencc-data"), std::string::npos) << message;
  std::filesystem::remove_all(dir);
}

TEST(ScriptConverter, OpensFromAnExplicitDirectory) {
  auto opened = ScriptConverter::open_in("/usr/share/opencc");
  ASSERT_TRUE(opened) << opened.status().message();
  EXPECT_EQ(opened->to_traditional("刘晓波"), "劉曉波");
}

TEST(ScriptConverter, GivesTheSameResultsFromFourThreads) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"刘晓波", "劉曉波"},
      {"太后的头发很干燥。", "太后的頭髮很乾燥。"},
      {"新的理论被发现了。", "新的理論被發現了。"},
      {"全国人民代表大会常务委员会", "全國人民代表大會常務委員會"},
      {"新疆维吾尔自治区", "新疆維吾爾自治區"},
  };
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 300; ++round) {
        const auto& [simplified, traditional] = cases[(round + t) % cases.size()];
        if (converter().to_traditional(simplified) != traditional) ++failures[t];
        if (converter().to_simplified(traditional) != simplified) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

TEST(ScriptConverter, PassesOpenCcTestCases) {
  auto json = testing::opencc_cases(JZ_REALDATA);
  ASSERT_FALSE(json.is_null())
      << "cannot read the OpenCC cases (see ../shared/realdata/SOURCES.md)";

  // (id, configuration) -> (input, expected). Ids repeat across entries, with other configs.
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> cases;
  for (const auto& c : json.at("cases"))
    for (const auto& [config, expected] : c.at("expected").items())
      cases[{c.at("id").get<std::string>(), config}] = {c.at("input").get<std::string>(),
                                                        expected.get<std::string>()};

  // A handful that the OpenCC 1.1.6 dictionaries in Debian 12 pass (the file also holds
  // cases for later dictionary fixes). to_traditional() is s2tw: Taiwan character forms.
  const std::pair<const char*, const char*> chosen[] = {
      {"case_027", "s2tw"},
      {"case_028", "s2tw"},
      {"ByVoid_OpenCC_Issue950_AlgorithmConversion", "s2tw"},
      {"nVidia_naming_s2t", "s2tw"},
      {"BYVoid_OpenCC_Issue_531_tongguo", "s2tw"},
      {"BYVoid_OpenCC_Issue_906_gu_default_and_phrases", "s2tw"},
      {"case_042", "t2s"},
      {"case_064_t2x", "t2s"},
      {"BYVoid_OpenCC_Issue_506", "t2s"},
      {"BYVoid_OpenCC_Issue_906_gu_roundtrip_employee", "t2s"},
  };
  for (const auto& [id, config] : chosen) {
    SCOPED_TRACE(std::string(id) + " " + config);
    auto it = cases.find({id, config});
    ASSERT_NE(it, cases.end());
    const auto& [input, expected] = it->second;
    EXPECT_EQ(std::string(config) == "s2tw" ? converter().to_traditional(input)
                                            : converter().to_simplified(input),
              expected);
  }
}

}  // namespace
}  // namespace jz::i18n
