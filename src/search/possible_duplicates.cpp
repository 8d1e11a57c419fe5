#include "search/possible_duplicates.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "search/fold.hpp"
#include "search/pinyin.hpp"

namespace jz::search {
namespace {

// One part of a name (see the header): its keys and how it was written.
struct Part {
  std::string written;  // the part as written, trimmed: 伊力哈木•土赫提
  std::string han;      // folded ideographs: 伊力哈木土赫提
  std::string raw;      // the ideographs as written, nothing between them: 劉曉波
  std::size_t ideographs = 0;
  std::string letters;  // folded letters and digits: ilhamtohti
  std::size_t letter_count = 0;
  std::string spelled;  // the same with one space between words: ilham tohti
};

bool is_bracket(char32_t c) {
  switch (c) {
    case U'(':
    case U')':
    case U'[':
    case U']':
    case U'{':
    case U'}':
    case U'【':
    case U'】':
    case U'〔':
    case U'〕':
      return true;
    default:
      return false;
  }
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// The parts of a name, cut at brackets (folded, so full-width ones too).
std::vector<Part> parts_of(std::string_view name) {
  std::vector<Part> out;
  Part part;
  std::size_t part_start = 0;
  bool pending_space = false;
  auto finish = [&](std::size_t end) {
    part.written = trimmed(name.substr(part_start, end - part_start));
    if (!part.han.empty() || !part.letters.empty()) out.push_back(std::move(part));
    part = Part{};
  };
  for (std::size_t at = 0; at < name.size();) {
    bool bracket = false, ideograph = false;
    std::size_t next = fold_next(name, at, [&](char32_t c, CharClass k) {
      if (k == CharClass::kIdeograph) {
        append_utf8(part.han, c);
        ++part.ideographs;
        ideograph = true;
        pending_space = true;
      } else if (k == CharClass::kWord) {
        if (pending_space && !part.spelled.empty()) part.spelled += ' ';
        pending_space = false;
        append_utf8(part.letters, c);
        append_utf8(part.spelled, c);
        ++part.letter_count;
      } else {
        bracket = bracket || is_bracket(c);
        pending_space = true;
      }
    });
    if (ideograph) part.raw.append(name.substr(at, next - at));
    if (bracket) {
      finish(at);
      part_start = next;
      pending_space = false;
    }
    at = next;
  }
  finish(name.size());
  return out;
}

// The letters of a folded text, nothing between them: "liu xiao bo" -> liuxiaobo.
std::string letters_of(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();)
    at = fold_next(text, at, [&](char32_t c, CharClass k) {
      if (k == CharClass::kWord) append_utf8(out, c);
    });
  return out;
}

// What one record holds of a Chinese key.
struct HanHolder {
  std::map<std::string, std::string> raw;  // ideographs as written -> the part as written
};

// What one record holds of a letter key.
struct LetterHolder {
  std::string spelled;  // from a name in letters ("ilham tohti"), "" if none
  std::string pinyin;   // from a Chinese name ("liu xiao bo"), "" if none
};

// Reasons, strongest first.
enum class Reason { kSameName, kSimplified, kSpelling, kPinyin };

struct Found {
  Reason reason;
  std::string key, why;
};

using Pairs = std::map<std::pair<std::string, std::string>, Found>;

void offer(Pairs& pairs, const std::string& a, const std::string& b, Reason reason,
           const std::string& key, std::string why) {
  auto [it, added] = pairs.try_emplace({a, b}, Found{reason, key, why});
  if (!added && reason < it->second.reason) it->second = Found{reason, key, std::move(why)};
}

// Calls `pair(a, holder_a, b, holder_b)` for each two records of every key held by 2 to
// `max` records, a < b.
template <typename Holder, typename Pair>
void each_pair(const std::map<std::string, std::map<std::string, Holder>>& keys, std::size_t max,
               Pair&& pair) {
  for (const auto& [key, holders] : keys) {
    if (holders.size() < 2 || holders.size() > max) continue;
    for (auto i = holders.begin(); i != holders.end(); ++i)
      for (auto j = std::next(i); j != holders.end(); ++j)
        pair(key, i->first, i->second, j->first, j->second);
  }
}

}  // namespace

std::vector<DuplicatePair> possible_duplicates(const std::vector<NamedRecord>& records,
                                               std::size_t max_records_per_key) {
  // key -> record id -> what that record holds of it (std::map: ids in order, a < b).
  std::map<std::string, std::map<std::string, HanHolder>> han;
  std::map<std::string, std::map<std::string, LetterHolder>> letters;
  for (const auto& record : records) {
    for (const auto& name : record.names) {
      for (auto& part : parts_of(name)) {
        if (part.ideographs >= 2) {
          han[part.han][record.id].raw.emplace(part.raw, part.written);
          std::string pinyin = name_pinyin(part.written);
          auto syllables = static_cast<std::size_t>(std::count(pinyin.begin(), pinyin.end(), ' '));
          if (!pinyin.empty() && syllables + 1 == part.ideographs) {
            auto& holder = letters[letters_of(pinyin)][record.id];
            if (holder.pinyin.empty()) holder.pinyin = pinyin;
          }
        }
        if (part.letter_count >= 2) {
          auto& holder = letters[part.letters][record.id];
          if (holder.spelled.empty()) holder.spelled = part.spelled;
        }
      }
    }
  }

  Pairs pairs;
  each_pair(han, max_records_per_key,
            [&](const std::string& key, const std::string& a, const HanHolder& ha,
                const std::string& b, const HanHolder& hb) {
              for (const auto& [raw, written] : ha.raw)
                if (hb.raw.count(raw))
                  return offer(pairs, a, b, Reason::kSameName, key, "same name: " + written);
              offer(pairs, a, b, Reason::kSimplified, key, "same name in Simplified: " + key);
            });
  each_pair(letters, max_records_per_key,
            [&](const std::string& key, const std::string& a, const LetterHolder& la,
                const std::string& b, const LetterHolder& lb) {
              if (!la.pinyin.empty() && !lb.pinyin.empty()) return;  // homophones
              if (!la.spelled.empty() && !lb.spelled.empty())
                return offer(pairs, a, b, Reason::kSpelling, key, "same spelling: " + la.spelled);
              const std::string& pinyin = la.pinyin.empty() ? lb.pinyin : la.pinyin;
              offer(pairs, a, b, Reason::kPinyin, key, "same pinyin: " + pinyin);
            });

  std::vector<DuplicatePair> out;
  out.reserve(pairs.size());
  for (auto& [ids, found] : pairs)
    out.push_back({.a = ids.first,
                   .b = ids.second,
                   .key = std::move(found.key),
                   .why = std::move(found.why)});
  return out;
}

}  // namespace jz::search
