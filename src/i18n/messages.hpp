#pragma once
// Messages: the interface words of the site (vocabulary labels, kind names ...) in every
// language, from the catalogue files in messages/ that the build embeds in the binary.
// zh-Hans.json and en.json hold every key; zh-Hant.json holds only the keys whose OpenCC
// conversion of the zh-Hans text is wrong or needs Taiwan/Hong Kong wording.
//
// Keys: `<list>.<value>` for each value of each closed list in core/vocabulary.hpp
// (kind.person, province.tibet, event_type.trial, reliability.A ...) and `kinds.<kind>`
// for the plural names of kinds.
#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "i18n/lang.hpp"
#include "i18n/script_converter.hpp"

namespace jz::i18n {

class Messages {
 public:
  // The embedded catalogue; the zh-Hant texts are converted once, here.
  static Result<Messages> load(const ScriptConverter& converter);
  // The same from the texts of the three files (what load() does; tests use it to check
  // the errors). The error names the file and the keys at fault.
  static Result<Messages> from_json(std::string_view zh_hans_json, std::string_view en_json,
                                    std::string_view zh_hant_overrides_json,
                                    const ScriptConverter& converter);

  // The text for `key`; an unknown key gives `key` itself (a view of the argument), so a
  // missing message shows on the page instead of failing it.
  std::string_view get(Lang lang, std::string_view key) const;
  bool has(std::string_view key) const;
  std::vector<std::string> keys() const;  // sorted

 private:
  // Indexed by Lang.
  std::map<std::string, std::array<std::string, 3>, std::less<>> texts_;
};

}  // namespace jz::i18n
