#pragma once
// Markdown to HTML for topic texts and content pages (md4c, CommonMark with tables and
// strikethrough). Raw HTML in the source is escaped, never passed through, and only
// http(s), mailto and relative link targets survive, so a record's text cannot inject
// script.
#include <string>
#include <string_view>

namespace jz::web {

std::string markdown_to_html(std::string_view markdown);

}  // namespace jz::web
