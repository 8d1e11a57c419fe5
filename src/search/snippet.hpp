#pragma once
// Snippets: the stretch of a text around what a search matched, with the matches marked.
// Matching is the tokenizer's, so a query in one script marks the text in another: the
// site passes the text already in the reader's script (劉曉波 for a zh-Hant reader who
// searched 刘晓波) and the parts come back in it. Parts are plain text; the template
// escapes them and wraps hits in <mark>.
#include <string>
#include <string_view>
#include <vector>

#include "search/query.hpp"

namespace jz::search {

struct SnippetPart {
  std::string text;
  bool hit = false;
  bool operator==(const SnippetPart&) const = default;
};

// The byte ranges [start, end) of `text` that the query's words and phrases match (not
// the excluded ones), sorted and merged.
std::vector<std::pair<std::size_t, std::size_t>> match_ranges(std::string_view text,
                                                              const Query& query);

// About `max_chars` characters of `text` around its first match, as parts, with "…" where
// it was cut; the start of the text when nothing matches; empty for an empty text.
std::vector<SnippetPart> snippet(std::string_view text, const Query& query,
                                 std::size_t max_chars = 140);

}  // namespace jz::search
