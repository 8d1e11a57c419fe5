#include "i18n/localize.hpp"

namespace jz::i18n {
namespace {

// The Chinese as written; a Text holding only the Traditional override still has Chinese.
const std::string& chinese(const jz::Text& text) {
  return text.zh.empty() ? text.zh_hant : text.zh;
}

}  // namespace

Localized localize(const jz::Text& text, Lang lang, const ScriptConverter& converter) {
  const std::string& zh = chinese(text);
  switch (lang) {
    case Lang::kZhHans:
      if (!zh.empty()) return {converter.to_simplified(zh), Lang::kZhHans};
      break;
    case Lang::kZhHant:
      if (!text.zh_hant.empty()) return {text.zh_hant, Lang::kZhHant};
      if (!zh.empty()) return {converter.to_traditional(zh), Lang::kZhHant};
      break;
    case Lang::kEn:
      if (!text.en.empty()) return {text.en, Lang::kEn};
      if (!zh.empty()) return {converter.to_simplified(zh), Lang::kZhHans};
      return {"", Lang::kEn};
  }
  // A Chinese reader and no Chinese: the English, marked as English.
  if (!text.en.empty()) return {text.en, Lang::kEn};
  return {"", lang};
}

}  // namespace jz::i18n
