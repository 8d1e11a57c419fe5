#pragma once
// Text: a bilingual value. `zh` is Chinese as written (either script); `zh_hant` overrides
// the OpenCC conversion for Traditional readers when a human has checked it; `en` English.
#include <string>

namespace jz {

struct Text {
  std::string zh;
  std::string zh_hant;
  std::string en;

  bool empty() const { return zh.empty() && zh_hant.empty() && en.empty(); }
  // The best string for a reader of `lang` ("zh" or "en"), falling back to the other.
  const std::string& in(std::string_view lang) const {
    if (lang == "en") return en.empty() ? zh : en;
    return zh.empty() ? en : zh;
  }
  bool operator==(const Text&) const = default;
};

}  // namespace jz
