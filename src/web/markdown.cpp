#include "web/markdown.hpp"

#include <md4c-html.h>

#include <regex>

namespace jz::web {
namespace {

void append(const MD_CHAR* text, MD_SIZE size, void* out) {
  static_cast<std::string*>(out)->append(text, size);
}

bool safe_target(std::string_view url) {
  if (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:"))
    return true;
  // Relative: no scheme before the first '/', '?' or '#'.
  auto colon = url.find(':');
  return colon == std::string_view::npos || url.find_first_of("/?#") < colon;
}

// md4c escapes attribute values but keeps any scheme: links whose target is not http(s),
// mailto or relative (javascript:, data: ...) lose it. Images become their alt text: a page
// must load nothing from another host.
std::string make_safe(const std::string& html) {
  static const std::regex image(R"re(<img src="[^"]*" alt="([^"]*)"[^>]*>)re");
  std::string out = std::regex_replace(html, image, "$1");
  const std::string_view attr = "href=\"";
  for (std::size_t at = out.find(attr); at != std::string::npos; at = out.find(attr, at + 1)) {
    std::size_t begin = at + attr.size();
    std::size_t end = out.find('"', begin);
    if (end == std::string::npos) break;
    if (!safe_target(std::string_view(out).substr(begin, end - begin)))
      out.replace(begin, end - begin, "#");
  }
  return out;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  std::string html;
  unsigned parser_flags = MD_DIALECT_COMMONMARK | MD_FLAG_NOHTML | MD_FLAG_TABLES |
                          MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
  if (md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html, parser_flags,
              0) != 0)
    return "";
  return make_safe(html);
}

}  // namespace jz::web
