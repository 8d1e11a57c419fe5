#pragma once
// Folding: the one normal form in which documents and queries are compared. NFKC with case
// folding (ICU: full-width Ａ and ﬁ become a and fi), Latin diacritics removed (Liú -> liu),
// and every Traditional or variant ideograph replaced by its Simplified form, one character
// at a time (see make_tables.cpp), so that any substring folds the same alone or in context.
#include <string>
#include <string_view>

namespace jz::search {

// What a folded code point is to the tokenizer.
enum class CharClass {
  kBreak,      // space, punctuation, symbols: ends a word or a run
  kWord,       // letters and digits of alphabetic scripts: parts of words
  kIdeograph,  // Han, kana, hangul: each character is a term (unigrams + bigrams)
  kNameDot,    // • · ‧ ・ - : joins the parts of a transliterated name
};

// Calls `emit(code_point, class)` for each code point of the folded form of the code point
// (cluster) starting at `text[at]`, and returns the offset just past what was consumed
// (the code point and the combining marks after it). Invalid UTF-8 is consumed one byte
// at a time and folds to a break.
template <typename Emit>
std::size_t fold_next(std::string_view text, std::size_t at, Emit&& emit);

// The folded form of a whole text, terms separated by single spaces: for tests and for
// readers' messages ("searched for: ...").
std::string fold(std::string_view text);

void append_utf8(std::string& out, char32_t c);

// The Simplified form of one ideograph (itself when it has none).
char32_t simplified(char32_t c);

namespace detail {
// The slow path of fold_next for anything but ASCII and common ideographs: ICU.
std::size_t fold_other(std::string_view text, std::size_t at, char32_t* out, CharClass* classes,
                       std::size_t* count);
constexpr std::size_t kMaxFolded = 32;
inline bool is_common_ideograph(char32_t c) {
  return c >= 0x3400 && c <= 0x9FFF;
}
}  // namespace detail

template <typename Emit>
std::size_t fold_next(std::string_view text, std::size_t at, Emit&& emit) {
  unsigned char b = static_cast<unsigned char>(text[at]);
  if (b < 0x80) {
    if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z')) {
      emit(char32_t(b), CharClass::kWord);
    } else if (b >= 'A' && b <= 'Z') {
      emit(char32_t(b - 'A' + 'a'), CharClass::kWord);
    } else {
      emit(char32_t(b), b == '-' ? CharClass::kNameDot : CharClass::kBreak);
    }
    return at + 1;
  }
  // Three-byte sequences E3..E9 cover U+3000..U+9FFF; the common ideographs need no ICU.
  if (b >= 0xE3 && b <= 0xE9 && at + 2 < text.size()) {
    unsigned char b1 = static_cast<unsigned char>(text[at + 1]);
    unsigned char b2 = static_cast<unsigned char>(text[at + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t c = (char32_t(b & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (detail::is_common_ideograph(c)) {
        std::size_t next = at + 3;
        // A combining mark after an ideograph is rare; let ICU handle that cluster.
        if (next >= text.size() || static_cast<unsigned char>(text[next]) < 0xCC ||
            static_cast<unsigned char>(text[next]) >= 0xE3) {
          emit(simplified(c), CharClass::kIdeograph);
          return next;
        }
      }
    }
  }
  char32_t out[detail::kMaxFolded];
  CharClass classes[detail::kMaxFolded];
  std::size_t count = 0;
  std::size_t next = detail::fold_other(text, at, out, classes, &count);
  for (std::size_t i = 0; i < count; ++i) emit(out[i], classes[i]);
  return next;
}

}  // namespace jz::search
