#pragma once
// Atom feeds (RFC 4287, feed_pages.cpp): a public case with its events and violated clocks,
// and every procedural violation. Rendered with templates/feed.mustache, whose escaping
// (& < > " ') is valid XML; the values are first made XML-safe here.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "web/call.hpp"

namespace jz::web {

// `text` with what XML 1.0 cannot carry taken out: control characters other than tab,
// line feed and carriage return, U+FFFE and U+FFFF; an invalid UTF-8 byte becomes U+FFFD.
std::string xml_safe(std::string_view text);

// `text` made safe inside XML text and quoted attributes: xml_safe, then & < > " ' escaped.
std::string xml_escape(std::string_view text);

// {"href": ..., "title": ...} of the feed a page offers in its <head>, for the layout (the
// case page, /violations), or null.
nlohmann::json feed_link(const Call& call, std::string_view tmpl);

}  // namespace jz::web
