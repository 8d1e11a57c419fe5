#pragma once
// Pinyin for names, so that "liu xiaobo", "liuxiaobo" and "Liú Xiǎobō" find 刘晓波 and 劉曉波.
// Readings come from ICU's Han-Latin transliterator (search_tables.hpp), toneless, since
// folding removes the tone marks readers type. The first character of a Chinese name is
// read as a surname where that differs (曾 zeng, not ceng; 单 shan, not dan).
#include <string>
#include <string_view>
#include <vector>

namespace jz::search {

// The syllables of every ideograph of `name`, separated by spaces ("liu xiao bo"); names
// of several parts (伊力哈木·土赫提) are read as one. "" when `name` has no ideograph.
std::string name_pinyin(std::string_view name);

// The ways a folded word of letters splits into two or more pinyin syllables, at most
// `limit` of them, the likeliest first: "liuxiaobo" -> {liu xiao bo}, {liu xia o bo} ...
// Splits that follow pinyin's spelling rule (a syllable starting with a, o or e comes
// after another only with an apostrophe, xi'an) and have fewer syllables come first.
// Syllables without a vowel (n, ng, m, hm) never count, so English words rarely split.
std::vector<std::vector<std::string>> pinyin_splits(std::string_view word, std::size_t limit = 4);

}  // namespace jz::search
