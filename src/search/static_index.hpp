#pragma once
// The search index of a static mirror: files that src/web/static/mirror-search.js loads
// as classic <script src> (JSONP: each calls jzMirrorSearch.add(name, text)), because
// Chromium refuses fetch() of file:// URLs and a mirror may be a zip opened from a USB
// stick. Terms come from the same tokenize(…, kDocument) as the live index; the script
// folds and tokenizes queries the same way and loads only the shards of their terms.
// The format, the hash and the caps are described in src/search/README.md.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "search/search_index.hpp"

namespace jz::search {

// One public page of the mirror. Arrays are indexed by i18n::Lang (zh-Hans, zh-Hant, en).
struct StaticDocument {
  std::string path = {};  // relative to a language folder: "persons/p44sj9v9201.html"
  std::string kind = {};  // core's kind name: person, case ...
  std::array<std::string, 3> kind_labels = {};  // "人物", "人物", "Person"; the kind when empty
  std::array<std::string, 3> titles = {};       // already localised
  std::array<std::string, 3> lines = {};        // a short line under the title (may be empty)
  SearchDocument fields = {};  // search_document() of the record: names, pinyin, title, body
};

// Sizes of what write() wrote, for tests and for the exporter's log.
struct StaticIndexStats {
  std::size_t documents = 0;
  std::size_t terms = 0;
  std::size_t capped_terms = 0;  // terms whose postings were cut at kMaxPostingBytes
  std::size_t files = 0;
  std::size_t total_bytes = 0;
  std::size_t term_shards = 0, largest_term_shard = 0;
  std::size_t doc_shards = 0, largest_doc_shard = 0;  // per language
  std::size_t docs_per_shard = 0;
  std::size_t fold_shards = 0, largest_fold_shard = 0;
};

// Limits; mirror-search.js reads the ones it needs from meta.js.
inline constexpr std::size_t kTargetTermShardBytes = 8 * 1024;
inline constexpr std::size_t kMaxPostingBytes = 6 * 1024;  // encoded doc numbers of one term
inline constexpr std::size_t kTargetDocShardBytes = 2 * 1024;
inline constexpr std::size_t kTargetFoldShardBytes = 2 * 1024;
inline constexpr std::size_t kMaxLineChars = 160;  // code points of a result's line

// FNV-1a (32 bits) over the UTF-8 bytes of a folded term: the term shard is
// fnv1a(term) % term_shards, computed identically by the script.
std::uint32_t fnv1a(std::string_view bytes);

// Where a term occurs in a document, best first: results rank by it (names above titles
// above body text, as the live engine's weights do) and name: looks only at kName.
enum class StaticField { kBody = 0, kTitle = 1, kName = 2 };

// The terms a document's text is indexed under, each with the best field it occurs in
// (names and their pinyin, title, body): the document terms of tokenize() plus every
// ideograph alone (so a 1-character query needs no prefix search) plus the pinyin
// syllables of each name joined over every contiguous span of two or more ("liuxiaobo",
// "xiaobo"), which the live engine gets from pinyin_splits at query time.
struct StaticTerm {
  std::string text;
  StaticField field = StaticField::kBody;
};
std::vector<StaticTerm> static_terms(const SearchDocument& fields);

// Takes one file of the index: its name relative to the index's folder ("t/0.js") and bytes.
using StaticIndexSink = std::function<Status(const std::string& name, std::string_view bytes)>;

class StaticIndexWriter {
 public:
  void add(StaticDocument doc);
  // Writes the shards into `search_dir`, which must be absent or empty. The same documents
  // give byte-identical files, whatever order they were added in.
  Result<StaticIndexStats> write(const std::filesystem::path& search_dir) const;
  // The same files, each handed to `sink` (the mirror's exporter keeps those unchanged).
  Result<StaticIndexStats> write(const StaticIndexSink& sink) const;

 private:
  std::vector<StaticDocument> docs_;
};

}  // namespace jz::search
