#include "search/pinyin.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "search/fold.hpp"
#include "search/search_tables.hpp"

namespace jz::search {
namespace {

// Surnames whose reading differs from the character's everyday one.
constexpr std::array<std::pair<char32_t, const char*>, 28> kSurnames = {{
    {U'卜', "bu"},    {U'单', "shan"},  {U'都', "du"},  {U'盖', "ge"},   {U'句', "gou"},
    {U'解', "xie"},   {U'阚', "kan"},   {U'乐', "yue"}, {U'缪', "miao"}, {U'能', "nai"},
    {U'区', "ou"},    {U'繁', "po"},    {U'蕃', "pi"},  {U'朴', "piao"}, {U'覃', "qin"},
    {U'仇', "qiu"},   {U'召', "shao"},  {U'隗', "wei"}, {U'莘', "xin"},  {U'郇', "xun"},
    {U'员', "yun"},   {U'曾', "zeng"},  {U'查', "zha"}, {U'翟', "zhai"}, {U'祭', "zhai"},
    {U'种', "chong"}, {U'重', "chong"}, {U'秘', "bi"},
}};

const char* reading(char32_t c) {
  if (c < tables::kBmpFirst || c > tables::kBmpLast) return nullptr;
  std::uint16_t n = tables::kPinyinBmp[c - tables::kBmpFirst];
  return n ? tables::kSyllables[n] : nullptr;
}

const char* surname_reading(char32_t c) {
  for (const auto& [ch, syllable] : kSurnames)
    if (ch == c) return syllable;
  return reading(c);
}

bool is_syllable(std::string_view s) {
  if (s.find_first_of("aeiou") == std::string_view::npos) return false;
  const char* const* begin = tables::kSyllables + 1;
  const char* const* end = tables::kSyllables + tables::kSyllableCount;
  auto it = std::lower_bound(
      begin, end, s, [](const char* a, std::string_view b) { return std::string_view(a) < b; });
  return it != end && std::string_view(*it) == s;
}

// Pinyin writes a syllable that starts with a, o or e after another one with an
// apostrophe (xi'an); readers often leave it out, so such splits come last, not never.
int apostrophes_left_out(const std::vector<std::string>& syllables) {
  int n = 0;
  for (std::size_t i = 1; i < syllables.size(); ++i)
    n += syllables[i][0] == 'a' || syllables[i][0] == 'o' || syllables[i][0] == 'e';
  return n;
}

// All splits of word[at..], following only positions from which the rest splits too
// (`ends[i]`), so the work stays proportional to the splits found.
void split(std::string_view word, std::size_t at, const std::vector<bool>& ends,
           std::vector<std::string>& path, std::vector<std::vector<std::string>>& out,
           std::size_t limit) {
  if (out.size() >= limit) return;
  if (at == word.size()) {
    if (path.size() >= 2) out.push_back(path);
    return;
  }
  // Longest syllable first, so the most natural split comes first.
  for (std::size_t n = std::min<std::size_t>(6, word.size() - at); n >= 1; --n) {
    if (!ends[at + n] || !is_syllable(word.substr(at, n))) continue;
    path.emplace_back(word.substr(at, n));
    split(word, at + n, ends, path, out, limit);
    path.pop_back();
  }
}

}  // namespace

std::string name_pinyin(std::string_view name) {
  std::string out;
  bool first = true;
  for (std::size_t at = 0; at < name.size();) {
    at = fold_next(name, at, [&](char32_t c, CharClass k) {
      if (k != CharClass::kIdeograph) return;
      const char* syllable = first ? surname_reading(c) : reading(c);
      first = false;
      if (!syllable) return;
      if (!out.empty()) out += ' ';
      out += syllable;
    });
  }
  return out;
}

std::vector<std::vector<std::string>> pinyin_splits(std::string_view word, std::size_t limit) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> path;
  bool letters = !word.empty() && word.size() <= 48;
  for (char c : word) letters = letters && c >= 'a' && c <= 'z';
  if (!letters) return out;
  std::vector<bool> ends(word.size() + 1, false);  // ends[i]: word[i..] splits into syllables
  ends[word.size()] = true;
  for (std::size_t i = word.size(); i-- > 0;)
    for (std::size_t n = 1; n <= 6 && i + n <= word.size() && !ends[i]; ++n)
      ends[i] = ends[i + n] && is_syllable(word.substr(i, n));
  split(word, 0, ends, path, out, 8 * limit);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(apostrophes_left_out(a), a.size()) <
           std::pair(apostrophes_left_out(b), b.size());
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace jz::search
