#pragma once
// ScriptConverter: Simplified <-> Traditional Chinese with OpenCC (phrase-aware, so 头发
// becomes 頭髮 and 发现 becomes 發現). Open one at start-up and share it: loading the
// dictionaries takes tens of milliseconds, converting is cheap and safe from many threads.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::i18n {

class ScriptConverter {
 public:
  // Loads s2tw.json and t2s.json from OpenCC's data directory (/usr/share/opencc on Debian,
  // from the package libopencc-data). The error names the file that could not be loaded.
  static Result<ScriptConverter> open();
  // The same from another directory holding s2tw.json, t2s.json and their dictionaries.
  static Result<ScriptConverter> open_in(const std::filesystem::path& config_dir);

  ScriptConverter(ScriptConverter&&) noexcept;
  ScriptConverter& operator=(ScriptConverter&&) noexcept;
  ~ScriptConverter();

  // Both may be called from several threads at once. Text OpenCC cannot read (not UTF-8)
  // comes back unchanged. Calling them on a moved-from converter is a programming error.
  std::string to_traditional(std::string_view text) const;
  std::string to_simplified(std::string_view text) const;

 private:
  struct Impl;
  explicit ScriptConverter(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace jz::i18n
