#pragma once
// Where each page of the site lives in a static mirror, and its links made relative, so that
// a mirror works under any path prefix and when opened from file:// (a bundle unpacked from
// a USB stick), where a link to a directory does not open its index.html.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jz::web {

// The root's copy of the home page in Simplified Chinese, which no URL names: a mirror opened
// at its folder opens in the language the live site's "/" shows without a preference.
inline constexpr std::string_view kMirrorRootCopy = "index.html";

// The mirror file that holds the page at `target`, a root-relative URL as pages link it
// (path, then an optional query and fragment, with HTML entities already decoded):
//   /en/                          -> en/index.html
//   /en/persons/p44sj9v9201       -> en/persons/p44sj9v9201.html
//   /en/persons/?page=2           -> en/persons/index-2.html
//   /en/violations.atom           -> en/violations.atom (a name with an extension stays)
//   /static/site.css?v=0a1b2c     -> static/site.css (the version is for caches)
// Nothing for what a mirror cannot answer: the API, the workspace, the login form, a path
// that is not a page of a language, and any other query (filters, a search).
std::optional<std::string> mirror_file(std::string_view target);

// `to` (a mirror file, "#fragment" allowed) as a link from the mirror file `from`:
// from en/persons/p1.html to en/cases/c1.html is ../cases/c1.html.
std::string relative_link(std::string_view from, std::string_view to);

struct MirrorLinks {
  std::string body;                  // the page with each link made relative
  std::vector<std::string> targets;  // root-relative URLs it links to that a mirror holds
  std::vector<std::string> outside;  // root-relative URLs it links to that a mirror cannot hold
};

// Rewrites the href, src and action attributes (double-quoted, as every template writes
// them) whose value starts with one "/" in the HTML or Atom page stored as mirror file
// `file`. A link the mirror cannot hold goes to `live_origin` + its URL when an origin is
// given ("https://example.org"); without one, a link with a query the mirror cannot answer
// goes to the page without it (a filtered list to the whole list) and any other link stays as
// it was. Both are listed in `outside`.
MirrorLinks relative_links(std::string_view body, std::string_view file,
                           std::string_view live_origin);

}  // namespace jz::web
