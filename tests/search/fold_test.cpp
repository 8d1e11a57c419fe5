// Folding: the normal form documents and queries meet in.
#include <gtest/gtest.h>

#include "search/fold.hpp"

namespace jz::search {
namespace {

struct Case {
  const char* input;
  const char* folded;
};

class FoldTest : public ::testing::TestWithParam<Case> {};

TEST_P(FoldTest, Folds) {
  EXPECT_EQ(fold(GetParam().input), GetParam().folded) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, FoldTest,
    ::testing::Values(
        // Case, full-width forms, ligatures (NFKC + case folding).
        Case{"Liu XIAOBO", "liu xiaobo"}, Case{"ＬＩＵ　Ｘｉａｏｂｏ", "liu xiaobo"},
        Case{"ﬁle", "file"}, Case{"Straße", "strasse"}, Case{"２００８年", "2008年"},
        // Latin diacritics go: tone marks typed abroad match plain letters.
        Case{"Liú Xiǎobō", "liu xiaobo"}, Case{"Lü Ékaterina Müller", "lu ekaterina muller"},
        // Combining marks after a letter, not precomposed.
        Case{"Liu\xCC\x81", "liu"},
        // Traditional and variant forms become Simplified.
        Case{"劉曉波", "刘晓波"}, Case{"劉霞", "刘霞"}, Case{"許志永", "许志永"},
        Case{"峯", "峰"},  // a variant OpenCC knows
        // Name dots join the parts of a name written in characters, and split Latin ones.
        Case{"伊力哈木·土赫提", "伊力哈木土赫提"}, Case{"伊力哈木•土赫提", "伊力哈木土赫提"},
        Case{"伊力哈木‧土赫提", "伊力哈木土赫提"}, Case{"伊力哈木・土赫提", "伊力哈木土赫提"},
        Case{"伊力哈木-土赫提", "伊力哈木土赫提"}, Case{"Ilham-Tohti", "ilham tohti"},
        // Punctuation of either width is a break; CJK compatibility ideographs fold.
        Case{"刘晓波，刘霞。", "刘晓波 刘霞"}, Case{"\xEF\xA4\x80", "岂"},
        // Invalid UTF-8 is a break, never a crash.
        Case{"a\xFF"
             "b",
             "a b"},
        Case{"", ""}));

TEST(Fold, SimplifiedLeavesSimplifiedAndOtherScriptsAlone) {
  EXPECT_EQ(simplified(U'刘'), U'刘');
  EXPECT_EQ(simplified(U'劉'), U'刘');
  EXPECT_EQ(simplified(U'a'), U'a');
  EXPECT_EQ(fold("Ильхам Тохти"), "ильхам тохти");
  EXPECT_EQ(fold("ئىلھام"), "ئىلھام");
}

}  // namespace
}  // namespace jz::search
