#include "i18n/lang.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jz::i18n {
namespace {

TEST(Lang, ListsTheThreeLanguagesDefaultFirst) {
  auto langs = all_langs();
  ASSERT_EQ(langs.size(), 3u);
  EXPECT_EQ(langs[0], Lang::kZhHans);
  EXPECT_EQ(langs[1], Lang::kZhHant);
  EXPECT_EQ(langs[2], Lang::kEn);
}

TEST(Lang, HasUrlPrefixesAndHtmlTags) {
  EXPECT_EQ(url_prefix(Lang::kZhHans), "zh-hans");
  EXPECT_EQ(url_prefix(Lang::kZhHant), "zh-hant");
  EXPECT_EQ(url_prefix(Lang::kEn), "en");
  EXPECT_EQ(html_lang(Lang::kZhHans), "zh-Hans");
  EXPECT_EQ(html_lang(Lang::kZhHant), "zh-Hant");
  EXPECT_EQ(html_lang(Lang::kEn), "en");
}

TEST(Lang, ReadsOnlyCanonicalPrefixes) {
  for (Lang lang : all_langs()) EXPECT_EQ(lang_from_prefix(url_prefix(lang)), lang);
  EXPECT_EQ(lang_from_prefix("zh-Hans"), std::nullopt);
  EXPECT_EQ(lang_from_prefix("zh"), std::nullopt);
  EXPECT_EQ(lang_from_prefix(""), std::nullopt);
  EXPECT_EQ(lang_from_prefix("fr"), std::nullopt);
  EXPECT_EQ(lang_from_prefix("en/"), std::nullopt);
}

struct Negotiation {
  const char* header;
  Lang expected;
};

TEST(Lang, NegotiatesFromAcceptLanguage) {
  const Negotiation cases[] = {
      // Empty, unknown and garbage: the default.
      {"", Lang::kZhHans},
      {"   ", Lang::kZhHans},
      {"fr-FR, de;q=0.8", Lang::kZhHans},
      {",,,;;;===", Lang::kZhHans},
      {"\xff\xfe\x00garbage", Lang::kZhHans},
      {"en;q=abc", Lang::kZhHans},     // a malformed weight voids its entry
      {"en;q=1.5", Lang::kZhHans},     // q above 1 is malformed
      {"en;q=0.1234", Lang::kZhHans},  // at most three decimals
      {"en-", Lang::kZhHans},
      {"toolongsubtag", Lang::kZhHans},
      {"e1", Lang::kZhHans},
      {"en;", Lang::kZhHans},
      // Plain tags.
      {"en", Lang::kEn},
      {"EN-us", Lang::kEn},
      {"en-GB,en;q=0.9", Lang::kEn},
      {"zh", Lang::kZhHans},
      {"zh-CN", Lang::kZhHans},
      {"zh-SG", Lang::kZhHans},
      {"zh-Hans", Lang::kZhHans},
      {"zh-Hans-HK", Lang::kZhHans},  // the script decides over the region
      {"zh-TW", Lang::kZhHant},
      {"zh-HK", Lang::kZhHant},
      {"zh-MO", Lang::kZhHant},
      {"zh-Hant", Lang::kZhHant},
      {"zh-Hant-CN", Lang::kZhHant},
      {"zh_TW", Lang::kZhHant},
      {"yue-HK", Lang::kZhHant},
      // Weights.
      {"en;q=0.5, zh-TW;q=0.8", Lang::kZhHant},
      {"zh-TW;q=0.5, en", Lang::kEn},
      {"zh-HK,zh;q=0.9,en-US;q=0.8,en;q=0.7", Lang::kZhHant},
      {"zh-CN,zh;q=0.9,en;q=0.8", Lang::kZhHans},
      {"fr;q=1, en;q=0.2", Lang::kEn},  // unknown languages are skipped
      {"en ; q = 0.5", Lang::kZhHans},  // spaces around "=" are not allowed
      {"en ;q=0.5 , zh-TW ; q=0.4", Lang::kEn},
      {"en;Q=0.9, zh-TW;q=0.8", Lang::kEn},
      {"en;q=1.000, zh;q=1.", Lang::kEn},
      {"en;q=0., zh-TW;q=0.001", Lang::kZhHant},
      // Ties go to the range given first.
      {"en;q=0.8, zh-TW;q=0.8", Lang::kEn},
      {"zh-TW, en", Lang::kZhHant},
      {"en, zh", Lang::kEn},
      // q=0 rules a language out.
      {"en;q=0", Lang::kZhHans},
      {"en;q=0, zh-TW;q=0.1", Lang::kZhHant},
      {"zh-Hans;q=0, zh-Hant;q=0, en;q=0", Lang::kZhHans},  // nothing acceptable: default
      // Wildcards stand for the languages not named.
      {"*", Lang::kZhHans},
      {"fr, *;q=0.5", Lang::kZhHans},
      {"*;q=0.5, en", Lang::kEn},
      {"zh-CN;q=0, *", Lang::kZhHant},
      {"zh-CN;q=0, zh-TW;q=0, *;q=0.3", Lang::kEn},
      {"*;q=0", Lang::kZhHans},
      // Garbage entries do not spoil good ones.
      {"@@@, en;q=0.9, ;;, zh-TW;q=nope", Lang::kEn},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string("Accept-Language: ") + c.header);
    EXPECT_EQ(negotiate(c.header), c.expected);
  }
}

TEST(Lang, NegotiatesLongAndBinaryInputWithoutFailing) {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i * 37 % 256);
  EXPECT_EQ(negotiate(binary), Lang::kZhHans);
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "fr;q=0.9,";
  many += "en;q=0.1";
  EXPECT_EQ(negotiate(many), Lang::kEn);
  EXPECT_EQ(negotiate(std::string_view("en\0zh-TW", 8)), Lang::kZhHans);
}

}  // namespace
}  // namespace jz::i18n
