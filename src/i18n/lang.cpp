#include "i18n/lang.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace jz::i18n {
namespace {

constexpr std::array kAllLangs{Lang::kZhHans, Lang::kZhHant, Lang::kEn};

constexpr std::size_t index_of(Lang lang) {
  return static_cast<std::size_t>(lang);
}

bool is_ows(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// A language range (RFC 4647 section 2.1) split into lower-case subtags, or nothing when
// the text is not one. "_" is read as "-", as some clients send "zh_TW".
std::optional<std::vector<std::string>> subtags_of(std::string_view range) {
  std::vector<std::string> tags;
  std::string tag;
  for (std::size_t i = 0; i <= range.size(); ++i) {
    if (i == range.size() || range[i] == '-' || range[i] == '_') {
      // The first subtag is letters only; later ones may hold digits; each is 1-8 long.
      if (tag.empty() || tag.size() > 8) return std::nullopt;
      tags.push_back(std::move(tag));
      tag.clear();
      continue;
    }
    char c = range[i];
    if (!(is_alpha(c) || (!tags.empty() && is_digit(c)))) return std::nullopt;
    tag += lower(c);
  }
  return tags;
}

bool has(const std::vector<std::string>& tags, std::string_view tag) {
  for (std::size_t i = 1; i < tags.size(); ++i)
    if (tags[i] == tag) return true;
  return false;
}

// Which of our languages a (valid, non-wildcard) range asks for, if any.
std::optional<Lang> lang_of(const std::vector<std::string>& tags) {
  const std::string& primary = tags.front();
  if (primary == "en") return Lang::kEn;
  const bool chinese = primary == "zh" || primary == "cmn";
  const bool cantonese = primary == "yue" || (chinese && has(tags, "yue"));
  if (!chinese && !cantonese) return std::nullopt;
  // An explicit script decides; then the region; Cantonese readers mostly read Traditional.
  if (has(tags, "hant")) return Lang::kZhHant;
  if (has(tags, "hans")) return Lang::kZhHans;
  if (has(tags, "tw") || has(tags, "hk") || has(tags, "mo")) return Lang::kZhHant;
  if (has(tags, "cn") || has(tags, "sg") || has(tags, "my")) return Lang::kZhHans;
  return cantonese ? Lang::kZhHant : Lang::kZhHans;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
std::optional<int> parse_qvalue(std::string_view s) {
  if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  int q = (s[0] - '0') * 1000;
  if (s.size() == 1) return q;
  if (s[1] != '.' || s.size() > 5) return std::nullopt;
  int scale = 100;
  for (std::size_t i = 2; i < s.size(); ++i, scale /= 10) {
    if (!is_digit(s[i])) return std::nullopt;
    q += (s[i] - '0') * scale;
  }
  if (q > 1000) return std::nullopt;
  return q;
}

struct Weighted {
  bool wildcard = false;
  std::optional<Lang> lang;
  int q = 1000;
};

// One element of the list: "zh-TW", "en;q=0.5", " * ; q=0.1". Nothing when malformed.
std::optional<Weighted> parse_element(std::string_view element) {
  std::size_t semi = element.find(';');
  std::string_view range = trim(element.substr(0, semi));
  Weighted w;
  if (range == "*") {
    w.wildcard = true;
  } else {
    auto tags = subtags_of(range);
    if (!tags) return std::nullopt;
    w.lang = lang_of(*tags);
  }
  bool more = semi != std::string_view::npos;
  std::string_view params = more ? element.substr(semi + 1) : std::string_view();
  while (more) {
    std::size_t next = params.find(';');
    std::string_view param = trim(params.substr(0, next));
    // A weight is the only parameter Accept-Language has; anything else voids the entry.
    if (param.size() < 2 || lower(param[0]) != 'q' || param[1] != '=') return std::nullopt;
    auto q = parse_qvalue(param.substr(2));
    if (!q) return std::nullopt;
    w.q = *q;
    more = next != std::string_view::npos;
    if (more) params.remove_prefix(next + 1);
  }
  return w;
}

}  // namespace

std::span<const Lang> all_langs() {
  return kAllLangs;
}

std::string_view url_prefix(Lang lang) {
  switch (lang) {
    case Lang::kZhHans:
      return "zh-hans";
    case Lang::kZhHant:
      return "zh-hant";
    case Lang::kEn:
      return "en";
  }
  return "zh-hans";
}

std::string_view html_lang(Lang lang) {
  switch (lang) {
    case Lang::kZhHans:
      return "zh-Hans";
    case Lang::kZhHant:
      return "zh-Hant";
    case Lang::kEn:
      return "en";
  }
  return "zh-Hans";
}

std::optional<Lang> lang_from_prefix(std::string_view prefix) {
  for (Lang lang : kAllLangs)
    if (url_prefix(lang) == prefix) return lang;
  return std::nullopt;
}

Lang negotiate(std::string_view accept_language) {
  constexpr int kUnnamed = -1;
  std::array<int, 3> quality{kUnnamed, kUnnamed, kUnnamed};
  std::array<std::size_t, 3> position{};
  int wildcard_q = kUnnamed;
  std::size_t wildcard_position = 0;

  std::size_t order = 0;
  while (true) {
    std::size_t comma = accept_language.find(',');
    std::string_view element = trim(accept_language.substr(0, comma));
    if (!element.empty()) {
      if (auto w = parse_element(element)) {
        if (w->wildcard) {
          if (w->q > wildcard_q) {
            wildcard_q = w->q;
            wildcard_position = order;
          }
        } else if (w->lang) {
          // A language named several times takes its best weight (at its first position).
          std::size_t i = index_of(*w->lang);
          if (w->q > quality[i]) {
            quality[i] = w->q;
            position[i] = order;
          }
        }
      }
      ++order;
    }
    if (comma == std::string_view::npos) break;
    accept_language.remove_prefix(comma + 1);
  }

  // "*" stands for every language the header does not name.
  for (std::size_t i = 0; i < quality.size(); ++i) {
    if (quality[i] == kUnnamed) {
      quality[i] = wildcard_q;
      position[i] = wildcard_position;
    }
  }
  std::optional<Lang> best;
  for (Lang lang : kAllLangs) {
    std::size_t i = index_of(lang);
    if (quality[i] <= 0) continue;  // unnamed, or q=0: "not acceptable"
    if (!best || quality[i] > quality[index_of(*best)] ||
        (quality[i] == quality[index_of(*best)] && position[i] < position[index_of(*best)]))
      best = lang;
  }
  return best.value_or(Lang::kZhHans);
}

}  // namespace jz::i18n
