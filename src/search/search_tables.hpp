#pragma once
// The character tables the tokenizer folds with, generated at build time by make_tables.cpp
// from the installed OpenCC dictionaries and ICU (see there). Use them through fold.hpp and
// pinyin.hpp.
#include <cstddef>
#include <cstdint>

namespace jz::search::tables {

constexpr char32_t kBmpFirst = 0x3400, kBmpLast = 0x9FFF;
constexpr std::size_t kBmpSize = kBmpLast - kBmpFirst + 1;

struct CodePair {
  char32_t from, to;
};

// Simplified form of each ideograph in [kBmpFirst, kBmpLast], 0 where it is unchanged.
extern const std::uint32_t kSimplifiedBmp[kBmpSize];
// The same beyond the BMP, sorted by `from`.
extern const CodePair kSimplifiedBeyondBmp[];
extern const std::size_t kSimplifiedBeyondBmpSize;

// Toneless pinyin syllables, sorted; index 0 is "" (no reading).
extern const char* const kSyllables[];
extern const std::size_t kSyllableCount;
// Index into kSyllables of each ideograph's reading, 0 where ICU has none.
extern const std::uint16_t kPinyinBmp[kBmpSize];

}  // namespace jz::search::tables
