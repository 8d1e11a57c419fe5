#include "search/snippet.hpp"

#include <algorithm>

#include "search/fold.hpp"
#include "search/tokenizer.hpp"

namespace jz::search {
namespace {

struct DocTerm {
  std::string term;
  std::size_t start, end;
};

// The document's terms grouped by position (one each since documents hold one term per
// position, but a colocated term would join its position's group).
std::vector<std::vector<DocTerm>> positions(std::string_view text) {
  std::vector<std::vector<DocTerm>> out;
  tokenize(text, TokenizeFor::kDocument,
           [&](std::string_view term, std::size_t start, std::size_t end, bool colocated) {
             if (!colocated || out.empty()) out.emplace_back();
             out.back().push_back({std::string(term), start, end});
             return true;
           });
  return out;
}

std::vector<std::string> query_terms(std::string_view text) {
  std::vector<std::string> out;
  tokenize(text, TokenizeFor::kQuery, [&](std::string_view term, std::size_t, std::size_t, bool) {
    out.emplace_back(term);
    return true;
  });
  return out;
}

// Moves `at` back to the start of a UTF-8 character.
std::size_t char_start(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// The offset `chars` characters after (or before, when negative) `at`.
std::size_t advance(std::string_view text, std::size_t at, long chars) {
  for (; chars > 0 && at < text.size(); --chars) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  for (; chars < 0 && at > 0; ++chars) at = char_start(text, at - 1);
  return at;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> match_ranges(std::string_view text,
                                                              const Query& query) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  auto doc = positions(text);
  for (const auto& term : query.terms) {
    if (term.exclude) continue;
    auto want = query_terms(term.text);
    if (want.empty() || want.size() > doc.size()) continue;
    // A last run of one character matches as a prefix, as in the engine: the unigram 霞
    // where it ends a run, the bigram 霞X elsewhere, of which only 霞 is marked.
    bool prefix = ends_in_lone_ideograph(term.text);
    for (std::size_t p = 0; p + want.size() <= doc.size(); ++p) {
      std::size_t start = std::string_view::npos, end = 0;
      bool all = true;
      for (std::size_t j = 0; j < want.size() && all; ++j) {
        auto& here = doc[p + j];
        bool as_prefix = prefix && j + 1 == want.size();
        auto it = std::find_if(here.begin(), here.end(), [&](const DocTerm& d) {
          return d.term == want[j] || (as_prefix && d.term.starts_with(want[j]));
        });
        all = it != here.end();
        if (!all) break;
        // Of a bigram matched by its first character, the cluster that character came from.
        std::size_t hit_end =
            it->term == want[j] ? it->end : fold_next(text, it->start, [](char32_t, CharClass) {});
        start = std::min(start, it->start), end = std::max(end, hit_end);
      }
      if (all) ranges.emplace_back(start, end);
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  return merged;
}

std::vector<SnippetPart> snippet(std::string_view text, const Query& query, std::size_t max_chars) {
  std::vector<SnippetPart> out;
  if (text.empty()) return out;
  auto ranges = match_ranges(text, query);
  // Start a little before the first match so the reader sees its context.
  std::size_t from = ranges.empty() ? 0 : advance(text, ranges[0].first, -20);
  std::size_t to = advance(text, from, static_cast<long>(max_chars));
  if (from > 0) out.push_back({"…", false});
  std::size_t at = from;
  for (const auto& [start, end] : ranges) {
    if (end <= from) continue;
    if (start >= to) break;
    std::size_t s = std::max(start, from), e = std::min(end, to);
    if (s > at) out.push_back({std::string(text.substr(at, s - at)), false});
    out.push_back({std::string(text.substr(s, e - s)), true});
    at = e;
  }
  if (to > at) out.push_back({std::string(text.substr(at, to - at)), false});
  if (to < text.size()) out.push_back({"…", false});
  return out;
}

}  // namespace jz::search
