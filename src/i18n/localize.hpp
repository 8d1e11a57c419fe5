#pragma once
// localize(): the one way a bilingual Text becomes what a reader of one language sees,
// with the fallbacks when that language is missing. The result says which language the
// text is really in, so a page can mark a fallback with its own lang= attribute.
#include <string>

#include "core/text.hpp"
#include "i18n/lang.hpp"
#include "i18n/script_converter.hpp"

namespace jz::i18n {

struct Localized {
  std::string text;
  Lang lang;  // the language `text` is in: the one asked for, or the fallback's

  bool operator==(const Localized&) const = default;
};

// zh-Hans: `zh` converted to Simplified. zh-Hant: the `zh_hant` override when a human gave
// one, else `zh` converted to Traditional. en: `en`. When the wanted language is empty,
// Chinese readers get the English text and English readers the Chinese text in Simplified;
// when the Text is empty, the result is empty text in the language asked for.
Localized localize(const jz::Text& text, Lang lang, const ScriptConverter& converter);

}  // namespace jz::i18n
