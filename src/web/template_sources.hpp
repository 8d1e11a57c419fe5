#pragma once
// The template texts, embedded at build time from templates/*.mustache (see CMakeLists.txt).
#include <map>
#include <string_view>

namespace jz::web {

const std::map<std::string_view, std::string_view>& template_sources();

}  // namespace jz::web
