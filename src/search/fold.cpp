#include "search/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

#include "search/search_tables.hpp"

namespace jz::search {
namespace {

bool is_name_dot(char32_t c) {
  switch (c) {
    case U'-':
    case 0x00B7:
    case 0x2010:
    case 0x2011:
    case 0x2022:
    case 0x2027:
    case 0x30FB:
      return true;
    default:
      return false;
  }
}

bool is_mark(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

// Scripts whose diacritics readers leave out when they type: Liú, Müller, Ékaterina.
bool drops_marks(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  return s == USCRIPT_LATIN || s == USCRIPT_GREEK || s == USCRIPT_CYRILLIC;
}

CharClass classify(char32_t c) {
  if (is_name_dot(c)) return CharClass::kNameDot;
  if (!u_isalnum(static_cast<UChar32>(c)) && !is_mark(c)) return CharClass::kBreak;
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  if (s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL)
    return CharClass::kIdeograph;
  return CharClass::kWord;
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode e = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(e);
  if (U_FAILURE(e)) throw std::logic_error("ICU has no NFKC_Casefold data");
  return *n;
}

const icu::Normalizer2& nfd() {
  UErrorCode e = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(e);
  if (U_FAILURE(e)) throw std::logic_error("ICU has no NFD data");
  return *n;
}

}  // namespace

char32_t simplified(char32_t c) {
  if (c >= tables::kBmpFirst && c <= tables::kBmpLast) {
    char32_t s = tables::kSimplifiedBmp[c - tables::kBmpFirst];
    return s ? s : c;
  }
  if (c < 0x20000) return c;
  const auto* begin = tables::kSimplifiedBeyondBmp;
  const auto* end = begin + tables::kSimplifiedBeyondBmpSize;
  const auto* it = std::lower_bound(
      begin, end, c, [](const tables::CodePair& p, char32_t v) { return p.from < v; });
  return it != end && it->from == c ? it->to : c;
}

namespace detail {

std::size_t fold_other(std::string_view text, std::size_t at, char32_t* out, CharClass* classes,
                       std::size_t* count) {
  *count = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto length = static_cast<std::int32_t>(text.size());
  auto i = static_cast<std::int32_t>(at);
  UChar32 c;
  U8_NEXT(bytes, i, length, c);
  if (c < 0) {  // not UTF-8: a break, one byte (U+FFFD, not a space, which joins ideographs)
    out[0] = 0xFFFD;
    classes[0] = CharClass::kBreak;
    *count = 1;
    return at + 1;
  }
  icu::UnicodeString cluster(c);
  while (i < length) {
    std::int32_t j = i;
    UChar32 m;
    U8_NEXT(bytes, j, length, m);
    if (m < 0 || !is_mark(static_cast<char32_t>(m)) || cluster.length() > 16) break;
    cluster.append(m);
    i = j;
  }
  UErrorCode e = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_casefold().normalize(cluster, e);
  if (U_FAILURE(e)) folded = cluster;
  auto push = [&](char32_t f) {
    if (*count == kMaxFolded) return;
    CharClass k = classify(f);
    out[*count] = k == CharClass::kIdeograph ? simplified(f) : f;
    classes[(*count)++] = k;
  };
  // Liú -> liu: a Latin, Greek or Cyrillic cluster keeps only the letters of its
  // decomposition; other scripts keep their marks (Tibetan vowels are not decoration).
  bool strip = folded.length() > 0 && drops_marks(static_cast<char32_t>(folded.char32At(0)));
  for (std::int32_t k = 0; k < folded.length();) {
    UChar32 f = folded.char32At(k);
    k += U16_LENGTH(f);
    if (!strip) {
      if (!(is_mark(static_cast<char32_t>(f)) && *count == 0)) push(static_cast<char32_t>(f));
      continue;
    }
    icu::UnicodeString parts;
    if (!nfd().getDecomposition(f, parts)) parts = icu::UnicodeString(f);
    for (std::int32_t p = 0; p < parts.length();) {
      UChar32 q = parts.char32At(p);
      p += U16_LENGTH(q);
      if (!is_mark(static_cast<char32_t>(q))) push(static_cast<char32_t>(q));
    }
  }
  return static_cast<std::size_t>(i);
}

}  // namespace detail

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string fold(std::string_view text) {
  std::string out;
  bool pending_space = false, last_ideograph = false;
  for (std::size_t at = 0; at < text.size();) {
    at = fold_next(text, at, [&](char32_t c, CharClass k) {
      if (k == CharClass::kBreak || (k == CharClass::kNameDot && !last_ideograph)) {
        pending_space = !out.empty();
        last_ideograph = false;
        return;
      }
      if (k == CharClass::kNameDot) return;  // 伊力哈木·土赫提 folds to one run
      if (pending_space) out += ' ';
      pending_space = false;
      last_ideograph = k == CharClass::kIdeograph;
      append_utf8(out, c);
    });
  }
  return out;
}

}  // namespace jz::search
