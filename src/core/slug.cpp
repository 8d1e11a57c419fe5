#include "core/slug.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <unordered_map>

namespace jz {
namespace {

// ICU transliterators are expensive to build and not thread-safe to share; one per thread.
icu::Transliterator* to_ascii() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return t.get();
}

std::string transliterate(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (auto* t = to_ascii()) t->transliterate(u);
  std::string ascii;
  u.toUTF8String(ascii);
  return ascii;
}

// Chinese names are ASCII, ideographs and punctuation. A compound ICU transliteration costs
// about 400k instructions per name (most of an import's time), so such text is read one
// character at a time, each ideograph's reading looked up once per thread; Han-Latin reads
// ideographs one syllable each, so the slug is the same. Anything else (accented Latin,
// Uyghur or Tibetan script) goes through ICU whole, where context matters.
bool fast_ascii(std::string_view text, std::string& out) {
  thread_local std::unordered_map<UChar32, std::string> syllables;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (c >= 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
      auto it = syllables.find(c);
      if (it == syllables.end())
        it = syllables.emplace(c, transliterate(text.substr(start, i - start))).first;
      out += ' ' + it->second + ' ';
    } else if (c >= 0 && (u_ispunct(c) || u_isUWhiteSpace(c))) {
      out += ' ';
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string make_slug(std::string_view text) {
  std::string ascii;
  if (!fast_ascii(text, ascii)) ascii = transliterate(text);
  std::string slug;
  for (char c : ascii) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum)
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
    if (slug.size() >= 80) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace jz
