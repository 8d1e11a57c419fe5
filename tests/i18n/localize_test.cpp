#include "i18n/localize.hpp"

#include <gtest/gtest.h>

#include "test_converter.hpp"

namespace jz::i18n {
namespace {

Localized in(const jz::Text& text, Lang lang) {
  return localize(text, lang, test_converter());
}

TEST(Localize, GivesEachLanguageItsText) {
  const jz::Text text{"刘晓波", "", "Liu Xiaobo"};
  EXPECT_EQ(in(text, Lang::kZhHans), (Localized{"刘晓波", Lang::kZhHans}));
  EXPECT_EQ(in(text, Lang::kZhHant), (Localized{"劉曉波", Lang::kZhHant}));
  EXPECT_EQ(in(text, Lang::kEn), (Localized{"Liu Xiaobo", Lang::kEn}));
}

TEST(Localize, ReadsChineseWrittenInEitherScript) {
  const jz::Text text{"劉曉波", "", "Liu Xiaobo"};
  EXPECT_EQ(in(text, Lang::kZhHans), (Localized{"刘晓波", Lang::kZhHans}));
  EXPECT_EQ(in(text, Lang::kZhHant), (Localized{"劉曉波", Lang::kZhHant}));
}

TEST(Localize, PrefersTheCheckedTraditionalOverride) {
  const jz::Text text{"台湾", "台灣", "Taiwan"};
  EXPECT_EQ(in(text, Lang::kZhHant), (Localized{"台灣", Lang::kZhHant}));
  EXPECT_EQ(in(text, Lang::kZhHans), (Localized{"台湾", Lang::kZhHans}));
  // Without the override, OpenCC's choice.
  EXPECT_EQ(in(jz::Text{"台湾", "", ""}, Lang::kZhHant), (Localized{"臺灣", Lang::kZhHant}));
}

TEST(Localize, GivesChineseReadersEnglishWhenThereIsNoChinese) {
  const jz::Text text{"", "", "Ilham Tohti"};
  EXPECT_EQ(in(text, Lang::kZhHans), (Localized{"Ilham Tohti", Lang::kEn}));
  EXPECT_EQ(in(text, Lang::kZhHant), (Localized{"Ilham Tohti", Lang::kEn}));
}

TEST(Localize, GivesEnglishReadersSimplifiedChineseWhenThereIsNoEnglish) {
  EXPECT_EQ(in(jz::Text{"劉曉波", "", ""}, Lang::kEn), (Localized{"刘晓波", Lang::kZhHans}));
  EXPECT_EQ(in(jz::Text{"", "劉曉波", ""}, Lang::kEn), (Localized{"刘晓波", Lang::kZhHans}));
}

TEST(Localize, UsesTheOverrideAsChineseWhenItIsTheOnlyChinese) {
  const jz::Text text{"", "劉曉波", ""};
  EXPECT_EQ(in(text, Lang::kZhHans), (Localized{"刘晓波", Lang::kZhHans}));
  EXPECT_EQ(in(text, Lang::kZhHant), (Localized{"劉曉波", Lang::kZhHant}));
}

TEST(Localize, GivesEmptyTextForAnEmptyText) {
  for (Lang lang : all_langs()) EXPECT_EQ(in(jz::Text{}, lang), (Localized{"", lang}));
}

}  // namespace
}  // namespace jz::i18n
