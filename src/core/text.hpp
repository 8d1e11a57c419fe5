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
  bool operator==(const Text&) const = default;
};

}  // namespace jz
