#pragma once
// One ScriptConverter for the whole test binary: loading OpenCC's dictionaries is the slow
// part, and sharing one converter is what the site does too.
#include <stdexcept>
#include <utility>

#include "i18n/script_converter.hpp"

namespace jz::i18n {

inline const ScriptConverter& test_converter() {
  static const ScriptConverter kConverter = [] {
    auto c = ScriptConverter::open();
    if (!c) throw std::runtime_error(c.status().message());
    return std::move(*c);
  }();
  return kConverter;
}

}  // namespace jz::i18n
