// The "possible duplicates" finder: what a documenter expects to see listed (刘晓波 and
// 劉曉波 and Liu Xiaobo) and not (Liu Xia and Liu Xiaobo, two people called 王), then the
// CPPC list (../shared/realdata/cppc-political-prisoners) once in characters and once in
// pinyin.
#include "search/possible_duplicates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>

#include "exchange/csv_reader.hpp"
#include "search/pinyin.hpp"

namespace jz::search {
namespace {

std::vector<DuplicatePair> of_two(std::vector<std::string> a, std::vector<std::string> b) {
  return possible_duplicates(
      {{.id = "p1", .names = std::move(a)}, {.id = "p2", .names = std::move(b)}});
}

struct Case {
  std::vector<std::string> a, b;
  const char* key;  // nullptr: no pair
  const char* why;
};

void PrintTo(const Case& c, std::ostream* os) {
  auto list = [&](const std::vector<std::string>& names) {
    *os << "{";
    for (const auto& n : names) *os << "\"" << n << "\" ";
    *os << "}";
  };
  list(c.a);
  *os << " vs ";
  list(c.b);
}

class PossibleDuplicatesTable : public ::testing::TestWithParam<Case> {};

TEST_P(PossibleDuplicatesTable, PairsOrNot) {
  const Case& c = GetParam();
  auto pairs = of_two(c.a, c.b);
  if (!c.key) {
    EXPECT_TRUE(pairs.empty()) << "unexpected pair: " << pairs[0].key << " (" << pairs[0].why
                               << ")";
    return;
  }
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, "p1");
  EXPECT_EQ(pairs[0].b, "p2");
  EXPECT_EQ(pairs[0].key, c.key);
  EXPECT_EQ(pairs[0].why, c.why);
  // The same the other way round: ids, not input order, decide a and b.
  auto swapped = possible_duplicates({{.id = "p2", .names = c.a}, {.id = "p1", .names = c.b}});
  ASSERT_EQ(swapped.size(), 1u);
  EXPECT_EQ(swapped[0].a, "p1");
  EXPECT_EQ(swapped[0].key, c.key);
}

using V = std::vector<std::string>;

INSTANTIATE_TEST_SUITE_P(
    PossibleDuplicatesSameName, PossibleDuplicatesTable,
    ::testing::Values(
        // Traditional and Simplified.
        Case{V{"刘晓波"}, V{"劉曉波"}, "刘晓波", "same name in Simplified: 刘晓波"},
        Case{V{"刘晓波"}, V{"刘晓波"}, "刘晓波", "same name: 刘晓波"},
        // Name dots of every kind, and none, in names written in characters.
        Case{V{"伊力哈木•土赫提"}, V{"伊力哈木·土赫提"}, "伊力哈木土赫提",
             "same name: 伊力哈木•土赫提"},
        Case{V{"伊力哈木-土赫提"}, V{"伊力哈木‧土赫提"}, "伊力哈木土赫提",
             "same name: 伊力哈木-土赫提"},
        Case{V{"伊力哈木・土赫提"}, V{"伊力哈木 土赫提"}, "伊力哈木土赫提",
             "same name: 伊力哈木・土赫提"},
        Case{V{"热杂提﹒热斯汗"}, V{"热杂提·热斯汗"}, "热杂提热斯汗", "same name: 热杂提﹒热斯汗"},
        // Latin names: case, full width, separators, spaces.
        Case{V{"Ilham Tohti"}, V{"ilham tohti"}, "ilhamtohti", "same spelling: ilham tohti"},
        Case{V{"Ilham-Tohti"}, V{"ILHAM•TOHTI"}, "ilhamtohti", "same spelling: ilham tohti"},
        Case{V{"Ｉｌｈａｍ　Ｔｏｈｔｉ"}, V{"IlhamTohti"}, "ilhamtohti",
             "same spelling: ilham tohti"},
        Case{V{"Liu Xiaobo"}, V{"Liú Xiǎobō"}, "liuxiaobo", "same spelling: liu xiaobo"}));

INSTANTIATE_TEST_SUITE_P(
    PossibleDuplicatesPinyin, PossibleDuplicatesTable,
    ::testing::Values(Case{V{"刘晓波"}, V{"Liu Xiaobo"}, "liuxiaobo", "same pinyin: liu xiao bo"},
                      Case{V{"劉曉波"}, V{"liuxiaobo"}, "liuxiaobo", "same pinyin: liu xiao bo"},
                      Case{V{"Liú Xiǎobō"}, V{"劉曉波"}, "liuxiaobo", "same pinyin: liu xiao bo"},
                      Case{V{"LIU XIAO-BO"}, V{"刘晓波"}, "liuxiaobo", "same pinyin: liu xiao bo"},
                      Case{V{"刘霞"}, V{"Liu Xia"}, "liuxia", "same pinyin: liu xia"},
                      // The first character read as a surname: 曾 zeng, not ceng.
                      Case{V{"曾金燕"}, V{"Zeng Jinyan"}, "zengjinyan",
                           "same pinyin: zeng jin yan"},
                      Case{V{"伊力哈木·土赫提"}, V{"Yilihamu Tuheti"}, "yilihamutuheti",
                           "same pinyin: yi li ha mu tu he ti"}));

INSTANTIATE_TEST_SUITE_P(
    PossibleDuplicatesStrongest, PossibleDuplicatesTable,
    ::testing::Values(
        // Characters beat letters; as written beats folded.
        Case{V{"刘晓波", "Liu Xiaobo"}, V{"劉曉波", "Liu Xiaobo"}, "刘晓波",
             "same name in Simplified: 刘晓波"},
        Case{V{"Liu Xiaobo", "劉曉波"}, V{"劉曉波", "刘晓波"}, "刘晓波", "same name: 劉曉波"},
        Case{V{"Liu Xiaobo"}, V{"刘晓波", "liu xiaobo"}, "liuxiaobo", "same spelling: liu xiaobo"},
        // Brackets hold other names: each part is a name.
        Case{V{"谢丰夏（谢文飞）"}, V{"谢文飞"}, "谢文飞", "same name: 谢文飞"},
        Case{V{"阿可拜尔•伊明（AkbarImin）"}, V{"Akbar Imin"}, "akbarimin",
             "same spelling: akbarimin"},
        Case{V{"Akbar Imin"}, V{"阿可拜尔•伊明（AkbarImin）"}, "akbarimin",
             "same spelling: akbar imin"}));

INSTANTIATE_TEST_SUITE_P(
    PossibleDuplicatesNotTheSame, PossibleDuplicatesTable,
    ::testing::Values(
        Case{V{"Liu Xia"}, V{"Liu Xiaobo"}, nullptr, nullptr},
        Case{V{"刘霞"}, V{"刘晓波"}, nullptr, nullptr},
        Case{V{"刘霞"}, V{"Liu Xiaobo"}, nullptr, nullptr},
        Case{V{"Liu Xia"}, V{"刘晓波"}, nullptr, nullptr},
        // One character or one letter says nothing.
        Case{V{"王"}, V{"王"}, nullptr, nullptr}, Case{V{"王"}, V{"Wang"}, nullptr, nullptr},
        Case{V{"X"}, V{"x"}, nullptr, nullptr}, Case{V{"（王）"}, V{"王"}, nullptr, nullptr},
        // Homophones: different characters are different names, whatever they sound like,
        // even when both records carry the same romanisation.
        Case{V{"刘晓波"}, V{"柳小波"}, nullptr, nullptr},
        Case{V{"刘晓波", "Liu Xiaobo"}, V{"柳小波"}, nullptr, nullptr},
        Case{V{"刘晓波", "Liu Xiaobo"}, V{"柳小波", "Liu Xiaobo"}, nullptr, nullptr},
        // Names that only touch across a bracket or a word boundary.
        Case{V{"谢丰夏（谢文飞）"}, V{"谢丰夏谢文飞"}, nullptr, nullptr},
        Case{V{""}, V{""}, nullptr, nullptr}, Case{V{"，"}, V{"·"}, nullptr, nullptr}));

TEST(PossibleDuplicates, SameRecordNeverPairsWithItself) {
  EXPECT_TRUE(
      possible_duplicates({{.id = "p1", .names = {"刘晓波", "劉曉波", "Liu Xiaobo"}}}).empty());
  // Two entries with one id are one record.
  EXPECT_TRUE(possible_duplicates(
                  {{.id = "p1", .names = {"刘晓波"}}, {.id = "p1", .names = {"Liu Xiaobo"}}})
                  .empty());
  auto pairs = possible_duplicates({{.id = "p1", .names = {"刘晓波"}},
                                    {.id = "p1", .names = {"劉曉波"}},
                                    {.id = "p2", .names = {"Liu Xiaobo"}}});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, "p1");
  EXPECT_EQ(pairs[0].b, "p2");
}

TEST(PossibleDuplicates, SortedEachPairOnce) {
  auto pairs = possible_duplicates({{.id = "p3", .names = {"Liu Xiaobo"}},
                                    {.id = "p2", .names = {"劉曉波", "liuxiaobo"}},
                                    {.id = "p9", .names = {"Ilham Tohti"}},
                                    {.id = "p1", .names = {"刘晓波"}},
                                    {.id = "p4", .names = {"ilham-tohti"}}});
  std::vector<std::string> got;
  for (const auto& p : pairs) got.push_back(p.a + "-" + p.b + " " + p.why);
  EXPECT_EQ(got, (V{"p1-p2 same name in Simplified: 刘晓波", "p1-p3 same pinyin: liu xiao bo",
                    "p2-p3 same spelling: liuxiaobo", "p4-p9 same spelling: ilham tohti"}));
}

TEST(PossibleDuplicates, CommonNamesAreCapped) {
  auto named = [](int n, const std::string& name) {
    std::vector<NamedRecord> out;
    for (int i = 0; i < n; ++i)
      out.push_back({.id = "p" + std::to_string(100 + i), .names = {name}});
    return out;
  };
  // Up to the cap, every two records sharing a name are listed ...
  EXPECT_EQ(possible_duplicates(named(kMaxRecordsPerKey, "王伟")).size(),
            kMaxRecordsPerKey * (kMaxRecordsPerKey - 1) / 2);
  // ... beyond it none are (not some of them, which would depend on input order).
  auto many = named(kMaxRecordsPerKey + 1, "王伟");
  EXPECT_TRUE(possible_duplicates(many).empty());
  EXPECT_TRUE(possible_duplicates(named(kMaxRecordsPerKey + 1, "Wang Wei")).empty());
  // Records under a crowded name still pair through their other names.
  many[3].names.push_back("Wang Weiming");
  many[17].names.push_back("wang wei-ming");
  auto pairs = possible_duplicates(many);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, "p103");
  EXPECT_EQ(pairs[0].b, "p117");
  EXPECT_EQ(pairs[0].key, "wangweiming");
  // The cap is a parameter.
  EXPECT_EQ(possible_duplicates(named(3, "王伟"), 2).size(), 0u);
  EXPECT_EQ(possible_duplicates(named(3, "王伟"), 3).size(), 3u);
}

// The CPPC list: its names in characters (a few with other names or a Latin form in
// brackets, several Uyghur and Kazakh names with • · ﹒ or . between parts).
std::vector<std::string> cppc_names() {
  std::string path =
      std::string(JZ_REALDATA) + "/cppc-political-prisoners/chinese-political-prisoners.csv";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  exchange::CsvReader reader(in, path);
  std::vector<exchange::CsvField> row;
  std::vector<std::string> names;
  for (bool header = true;; header = false) {
    auto more = reader.next(row);
    EXPECT_TRUE(more) << more.status().message();
    if (!more || !*more) break;
    if (!header && !row.empty()) names.push_back(row[0].value);
  }
  return names;
}

// How an English text might write a name from its pinyin, four ways in turn:
// Liu Xiaobo, LIU XIAOBO, liuxiaobo, Liu Xiao-bo.
std::string romanised(const std::string& pinyin, std::size_t style) {
  std::vector<std::string> syllables;
  for (std::size_t at = 0; at <= pinyin.size();) {
    std::size_t end = std::min(pinyin.find(' ', at), pinyin.size());
    syllables.push_back(pinyin.substr(at, end - at));
    at = end + 1;
  }
  auto capital = [](std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  };
  std::string out;
  for (std::size_t i = 0; i < syllables.size(); ++i) {
    const std::string& s = syllables[i];
    switch (style % 4) {
      case 0:
        out += i == 0 ? capital(s) + " " : i == 1 ? capital(s) : s;
        break;
      case 1: {
        std::string upper = s;
        for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
        out += (i ? " " : "") + upper;
        break;
      }
      case 2:
        out += s;
        break;
      default:
        out += i == 0 ? capital(s) + " " : i == 1 ? capital(s) : "-" + s;
        break;
    }
  }
  return out;
}

TEST(PossibleDuplicates, CppcEachNameInCharactersAndInPinyin) {
  auto names = cppc_names();
  ASSERT_GT(names.size(), 900u);
  std::vector<NamedRecord> records;
  std::size_t romanisations = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string n = std::to_string(10000 + i);
    records.push_back({.id = "z" + n, .names = {names[i]}});
    // The name before any bracket (谢丰夏 of 谢丰夏（谢文飞）), in pinyin.
    std::string first = names[i].substr(0, names[i].find("（"));
    std::string pinyin = name_pinyin(first);
    ASSERT_FALSE(pinyin.empty()) << names[i];
    records.push_back({.id = "e" + n, .names = {romanised(pinyin, i)}});
    ++romanisations;
  }
  auto pairs = possible_duplicates(records);
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& p : pairs) found.emplace(p.a, p.b);
  std::size_t missed = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string n = std::to_string(10000 + i);
    if (!found.count({"e" + n, "z" + n})) {
      ++missed;
      ADD_FAILURE() << names[i] << " and " << records[2 * i + 1].names[0] << " not paired";
    }
  }
  EXPECT_EQ(missed, 0u);
  std::cout << "[ CPPC     ] " << names.size() << " names + " << romanisations
            << " romanisations: " << pairs.size() << " possible duplicates, "
            << pairs.size() - (names.size() - missed) << " of them across two CPPC entries\n";
  auto name_of = [&](const std::string& id) {
    return records[2 * (std::stoul(id.substr(1)) - 10000) + (id[0] == 'e')].names[0];
  };
  for (const auto& p : pairs)
    if (p.a.substr(1) != p.b.substr(1))
      std::cout << "[ CPPC     ]   " << name_of(p.a) << " / " << name_of(p.b) << ": " << p.why
                << "\n";
}

TEST(PossibleDuplicates, CppcAmongItself) {
  auto names = cppc_names();
  ASSERT_GT(names.size(), 900u);
  std::vector<NamedRecord> records;
  for (std::size_t i = 0; i < names.size(); ++i)
    records.push_back({.id = "z" + std::to_string(10000 + i), .names = {names[i]}});
  auto pairs = possible_duplicates(records);
  std::cout << "[ CPPC     ] " << names.size() << " names: " << pairs.size()
            << " possible duplicates among them\n";
  for (const auto& p : pairs)
    std::cout << "[ CPPC     ]   " << names[std::stoul(p.a.substr(1)) - 10000] << " / "
              << names[std::stoul(p.b.substr(1)) - 10000] << ": " << p.why << "\n";
  RecordProperty("cppc_pairs", static_cast<int>(pairs.size()));
  EXPECT_LE(pairs.size(), 50u);  // a sane bound: the list is meant to hold each person once
}

}  // namespace
}  // namespace jz::search
