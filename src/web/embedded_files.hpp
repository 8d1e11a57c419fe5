#pragma once
// The files under templates/, static/ and content/, embedded at build time by
// embed_files.cmake, so a deployment is one binary and nothing is read from disk per
// request. Keys are paths relative to src/web: "templates/person.mustache", "static/site.css".
#include <map>
#include <string_view>

namespace jz::web {

const std::map<std::string_view, std::string_view>& embedded_files();

}  // namespace jz::web
