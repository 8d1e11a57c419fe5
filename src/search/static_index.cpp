#include "search/static_index.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/utf8.hpp"
#include "i18n/lang.hpp"
#include "search/fold.hpp"
#include "search/search_tables.hpp"
#include "search/tokenizer.hpp"

namespace jz::search {
namespace {

namespace fs = std::filesystem;

constexpr int kFormatVersion = 1;
constexpr std::size_t kMaxJoinedSyllables = 16;  // longer names: only their first 16

// Doc numbers are written as gaps (first number, then difference - 1), each in base 32,
// most significant digit first: digits before the last from kMore, the last from kLast,
// so no separator is needed and a gap under 32 takes one character.
constexpr std::string_view kMore = "0123456789abcdefghijklmnopqrstuv";
constexpr std::string_view kLast = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_.";

void append_number(std::string& out, std::uint32_t n) {
  char digits[8];
  int count = 0;
  do {
    digits[count++] = static_cast<char>(n % 32);
    n /= 32;
  } while (n > 0);
  for (int i = count - 1; i > 0; --i) out += kMore[static_cast<unsigned char>(digits[i])];
  out += kLast[static_cast<unsigned char>(digits[0])];
}

// A JavaScript string literal (also valid JSON).
std::string js_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      // U+2028 and U+2029 end a line in older JavaScript.
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The bytes a line of a shard takes in its file: escaped, with "\n" after it.
std::size_t escaped_size(std::string_view line) {
  return js_string(line).size() - 2 + 2;
}

std::string shard_file(std::string_view name, std::string_view payload_js) {
  return "jzMirrorSearch.add(" + js_string(name) + "," + std::string(payload_js) + ");\n";
}

// Tabs and line breaks separate fields and records in the shards.
std::string one_line(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (chars == max_chars) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += "\u2026";
      break;
    }
    const std::size_t start = i;
    const char32_t c = next_code_point(s, i);
    if (c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out.append(s.substr(start, i - start));
    }
    ++chars;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

std::string utf8(char32_t c) {
  std::string out;
  append_utf8(out, c);
  return out;
}

void add_field(std::string_view text, StaticField field, std::vector<StaticTerm>& out) {
  tokenize(text, TokenizeFor::kDocument,
           [&](std::string_view term, std::size_t, std::size_t, bool) {
             out.push_back({std::string(term), field});
             // A bigram's first ideograph alone too: the document holds every character as a
             // term, so a query of one character looks up one term (the live engine uses "X" *).
             auto cps = code_points(term);
             if (cps.size() == 2) {
               std::string first = utf8(cps[0]);
               if (ends_in_lone_ideograph(first)) out.push_back({first, field});
             }
             return true;
           });
}

// "liu xiao bo" -> liuxiao, liuxiaobo, xiaobo: what a reader types without spaces.
void add_pinyin_joins(std::string_view pinyin, std::vector<StaticTerm>& out) {
  std::size_t at = 0;
  while (at <= pinyin.size()) {
    std::size_t end = pinyin.find('\n', at);
    if (end == std::string_view::npos) end = pinyin.size();
    std::vector<std::string> syllables;
    tokenize(pinyin.substr(at, end - at), TokenizeFor::kDocument,
             [&](std::string_view t, std::size_t, std::size_t, bool) {
               syllables.emplace_back(t);
               return syllables.size() < kMaxJoinedSyllables;
             });
    for (std::size_t i = 0; i + 1 < syllables.size(); ++i) {
      std::string joined = syllables[i];
      for (std::size_t j = i + 1; j < syllables.size(); ++j) {
        joined += syllables[j];
        out.push_back({joined, StaticField::kName});
      }
    }
    at = end + 1;
  }
}

// Ascending doc numbers per best field, names first (the reverse of StaticField).
struct Posting {
  std::array<std::vector<std::uint32_t>, 3> docs;
  std::vector<std::uint32_t>& in(StaticField f) { return docs[2 - static_cast<int>(f)]; }
};

// "term\tNAMES\tTITLES\tBODY" plus "\tTOTAL" when the lists were cut: name hits first,
// then titles, then body, each in doc order, until kMaxPostingBytes.
std::string posting_line(const std::string& term, const Posting& p, bool* capped) {
  std::string lists[3];
  std::size_t bytes = 0, total = 0;
  *capped = false;
  for (int k = 0; k < 3 && !*capped; ++k) {
    const auto& docs = p.docs[k];
    std::uint32_t prev = 0;
    bool first = true;
    for (std::uint32_t d : docs) {
      std::string one;
      append_number(one, first ? d : d - prev - 1);
      if (bytes + one.size() > kMaxPostingBytes) {
        *capped = true;
        break;
      }
      lists[k] += one;
      bytes += one.size();
      prev = d;
      first = false;
    }
  }
  for (const auto& docs : p.docs) total += docs.size();
  std::string line = term + "\t" + lists[0] + "\t" + lists[1] + "\t" + lists[2];
  if (*capped) line += "\t" + std::to_string(total);
  return line;
}

// How many shards of about `target` bytes hold `bytes`.
std::size_t shard_count(std::size_t bytes, std::size_t target) {
  return std::max<std::size_t>(1, (bytes + target - 1) / target);
}

// The bytes of the largest doc shard (lines only) with `per_shard` documents each, from the
// escaped size of each document's line in each language (measured once: escaping every line
// again for each size tried was a fifth of writing the index).
std::size_t largest_doc_shard(const std::array<std::vector<std::size_t>, 3>& line_bytes,
                              std::size_t per_shard) {
  std::size_t largest = 0;
  for (const auto& lang : line_bytes) {
    for (std::size_t k = 0; k < lang.size(); k += per_shard) {
      std::size_t bytes = 0;
      for (std::size_t i = k; i < std::min(lang.size(), k + per_shard); ++i) bytes += lang[i];
      largest = std::max(largest, bytes);
    }
  }
  return largest;
}

// A term's line as the shards hold it: the hash that picks its shard, and its escaped size.
struct TermLine {
  std::uint32_t hash = 0;
  std::size_t bytes = 0;
};

// Enough term shards that the largest stays near the target: the script's budget is in
// units of the largest, so one crowded bucket would cut every query's share.
std::size_t balanced_shard_count(const std::vector<TermLine>& terms, std::size_t bytes) {
  std::size_t count = shard_count(bytes, kTargetTermShardBytes);
  for (int attempt = 0; attempt < 40; ++attempt) {
    std::vector<std::size_t> size(count);
    for (const auto& t : terms) size[t.hash % count] += t.bytes;
    if (*std::max_element(size.begin(), size.end()) <= kTargetTermShardBytes * 5 / 4) break;
    count = count * 9 / 8 + 1;
  }
  return count;
}

// Counts what goes to the sink, and names each shard's file.
class Files {
 public:
  Files(const StaticIndexSink& sink, StaticIndexStats& stats) : sink_(sink), stats_(stats) {}
  Status write(const std::string& name, const std::string& content) {
    JZ_RETURN_IF_ERROR(sink_(name + ".js", content));
    ++stats_.files;
    stats_.total_bytes += content.size();
    return Status::ok();
  }

 private:
  const StaticIndexSink& sink_;
  StaticIndexStats& stats_;
};

// Traditional/variant -> Simplified for the characters whose Simplified form the index
// holds (the rest could find nothing anyway), as pairs of characters, bucketed by code
// point so a query loads only the buckets of its own characters.
std::vector<std::string> fold_table(const std::set<char32_t>& indexed) {
  std::vector<std::pair<char32_t, char32_t>> pairs;
  for (char32_t c = tables::kBmpFirst; c <= tables::kBmpLast; ++c) {
    char32_t s = simplified(c);
    if (s != c && indexed.count(s)) pairs.emplace_back(c, s);
  }
  for (std::size_t i = 0; i < tables::kSimplifiedBeyondBmpSize; ++i) {
    const auto& p = tables::kSimplifiedBeyondBmp[i];
    if (p.to != p.from && indexed.count(p.to)) pairs.emplace_back(p.from, p.to);
  }
  // simplified() knows nothing else; compatibility ideographs (U+F900...) reach it through
  // NFKC, which the script applies first too.
  std::size_t bytes = 0;
  for (const auto& [from, to] : pairs) bytes += utf8(from).size() + utf8(to).size();
  std::vector<std::string> buckets(pairs.empty() ? 0 : shard_count(bytes, kTargetFoldShardBytes));
  for (const auto& [from, to] : pairs) {
    auto& b = buckets[from % buckets.size()];
    append_utf8(b, from);
    append_utf8(b, to);
  }
  return buckets;
}

}  // namespace

std::uint32_t fnv1a(std::string_view bytes) {
  std::uint32_t h = 2166136261u;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::vector<StaticTerm> static_terms(const SearchDocument& fields) {
  std::vector<StaticTerm> all;
  add_field(fields.names, StaticField::kName, all);
  add_field(fields.pinyin, StaticField::kName, all);
  add_pinyin_joins(fields.pinyin, all);
  add_field(fields.title, StaticField::kTitle, all);
  add_field(fields.body, StaticField::kBody, all);
  // One entry per term, with the best field it occurs in.
  std::sort(all.begin(), all.end(), [](const StaticTerm& a, const StaticTerm& b) {
    return a.text != b.text ? a.text < b.text : a.field > b.field;
  });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const StaticTerm& a, const StaticTerm& b) { return a.text == b.text; }),
            all.end());
  return all;
}

void StaticIndexWriter::add(StaticDocument doc) {
  docs_.push_back(std::move(doc));
}

Result<StaticIndexStats> StaticIndexWriter::write(const fs::path& search_dir) const {
  std::error_code ec;
  if (fs::exists(search_dir, ec) && !fs::is_empty(search_dir, ec))
    return Status::invalid(search_dir.string() +
                           ": not empty; the search index needs a new folder");
  return write([&search_dir](const std::string& name, std::string_view bytes) -> Status {
    fs::path path = search_dir / name;
    std::error_code made;
    fs::create_directories(path.parent_path(), made);
    if (made) return Status::io(path.parent_path().string() + ": " + made.message());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return Status::io(path.string() + ": cannot write");
    return Status::ok();
  });
}

Result<StaticIndexStats> StaticIndexWriter::write(const StaticIndexSink& sink) const {
  // Doc numbers in path order, so the files do not depend on the order of add().
  std::vector<const StaticDocument*> docs;
  for (const auto& d : docs_) docs.push_back(&d);
  std::sort(docs.begin(), docs.end(),
            [](const StaticDocument* a, const StaticDocument* b) { return a->path < b->path; });
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i]->path.empty() || docs[i]->path.find_first_of("\t\n\r") != std::string::npos)
      return Status::invalid("search index: document " + docs[i]->fields.id +
                             ": its path is empty or has a tab or line break");
    if (i > 0 && docs[i]->path == docs[i - 1]->path)
      return Status::invalid("search index: two documents have the path " + docs[i]->path);
  }

  StaticIndexStats stats;
  stats.documents = docs.size();
  Files files(sink, stats);

  // Postings.
  std::unordered_map<std::string, Posting> postings;
  for (std::uint32_t n = 0; n < docs.size(); ++n) {
    for (auto& t : static_terms(docs[n]->fields)) {
      postings[std::move(t.text)].in(t.field).push_back(n);
    }
  }
  std::vector<std::pair<const std::string*, const Posting*>> sorted;
  sorted.reserve(postings.size());
  for (const auto& [term, p] : postings) sorted.emplace_back(&term, &p);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  stats.terms = sorted.size();

  // Term shards.
  std::vector<std::string> lines;
  std::vector<TermLine> term_lines;  // hashed and sized once, for every shard count tried
  std::size_t term_bytes = 0;
  std::set<char32_t> indexed_chars;
  for (const auto& [term, p] : sorted) {
    bool capped = false;
    lines.push_back(posting_line(*term, *p, &capped));
    stats.capped_terms += capped;
    term_lines.push_back({fnv1a(*term), escaped_size(lines.back())});
    term_bytes += term_lines.back().bytes;
    for (char32_t c : code_points(*term))
      if (c >= 0x2E80) indexed_chars.insert(c);
  }
  const std::size_t term_shards = balanced_shard_count(term_lines, term_bytes);
  std::vector<std::string> shard_text(term_shards);
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    auto& s = shard_text[term_lines[i].hash % term_shards];
    if (!s.empty()) s += '\n';
    s += lines[i];
  }
  stats.term_shards = term_shards;
  for (std::size_t i = 0; i < term_shards; ++i) {
    std::string name = "t/" + std::to_string(i);
    std::string content = shard_file(name, js_string(shard_text[i]));
    stats.largest_term_shard = std::max(stats.largest_term_shard, content.size());
    JZ_RETURN_IF_ERROR(files.write(name, content));
  }

  // Doc tables per language: "path\tkind\ttitle\tline", docs_per_shard of them a file.
  std::array<std::vector<std::string>, 3> entries;
  std::size_t largest_lang_bytes = 0;
  for (std::size_t l = 0; l < 3; ++l) {
    std::size_t bytes = 0;
    for (const auto* d : docs) {
      entries[l].push_back(d->path + "\t" + d->kind + "\t" + one_line(d->titles[l], kMaxLineChars) +
                           "\t" + one_line(d->lines[l], kMaxLineChars));
      bytes += entries[l].back().size() + 1;
    }
    largest_lang_bytes = std::max(largest_lang_bytes, bytes);
  }
  // As many documents a shard as keeps every shard under the target (64 at most).
  std::size_t per_shard = 64;
  if (!docs.empty()) {
    std::size_t average = std::max<std::size_t>(1, largest_lang_bytes / docs.size());
    per_shard = std::clamp<std::size_t>(kTargetDocShardBytes / average, 1, 64);
    std::array<std::vector<std::size_t>, 3> line_bytes;
    for (std::size_t l = 0; l < 3; ++l)
      for (const auto& entry : entries[l]) line_bytes[l].push_back(escaped_size(entry));
    while (per_shard > 1 && largest_doc_shard(line_bytes, per_shard) > kTargetDocShardBytes)
      --per_shard;
  }
  stats.docs_per_shard = per_shard;
  stats.doc_shards = docs.empty() ? 0 : (docs.size() + per_shard - 1) / per_shard;
  for (i18n::Lang lang : i18n::all_langs()) {
    auto l = static_cast<std::size_t>(lang);
    for (std::size_t k = 0; k < stats.doc_shards; ++k) {
      std::string text;
      for (std::size_t i = k * per_shard; i < std::min(docs.size(), (k + 1) * per_shard); ++i) {
        if (!text.empty()) text += '\n';
        text += entries[l][i];
      }
      std::string name = "d/" + std::string(i18n::url_prefix(lang)) + "/" + std::to_string(k);
      std::string content = shard_file(name, js_string(text));
      stats.largest_doc_shard = std::max(stats.largest_doc_shard, content.size());
      JZ_RETURN_IF_ERROR(files.write(name, content));
    }
  }

  // Traditional -> Simplified.
  auto fold_buckets = fold_table(indexed_chars);
  stats.fold_shards = fold_buckets.size();
  for (std::size_t i = 0; i < fold_buckets.size(); ++i) {
    std::string name = "f/" + std::to_string(i);
    std::string content = shard_file(name, js_string(fold_buckets[i]));
    stats.largest_fold_shard = std::max(stats.largest_fold_shard, content.size());
    JZ_RETURN_IF_ERROR(files.write(name, content));
  }

  // meta: what the script needs before anything else, kind labels included.
  std::map<std::string, std::array<std::string, 3>> kinds;
  for (const auto* d : docs) {
    auto& labels = kinds[d->kind];
    for (std::size_t l = 0; l < 3; ++l) {
      if (labels[l].empty()) labels[l] = d->kind_labels[l].empty() ? d->kind : d->kind_labels[l];
    }
  }
  std::string kinds_js;
  for (const auto& [kind, labels] : kinds) {
    kinds_js += (kinds_js.empty() ? "" : ",") + js_string(kind) + ":[" + js_string(labels[0]) +
                "," + js_string(labels[1]) + "," + js_string(labels[2]) + "]";
  }
  std::string meta = "{\"version\":" + std::to_string(kFormatVersion) +
                     ",\"docs\":" + std::to_string(docs.size()) +
                     ",\"docsPerShard\":" + std::to_string(per_shard) +
                     ",\"termShards\":" + std::to_string(term_shards) +
                     ",\"foldShards\":" + std::to_string(fold_buckets.size()) +
                     ",\"largestTermShard\":" + std::to_string(stats.largest_term_shard) +
                     ",\"largestDocShard\":" + std::to_string(stats.largest_doc_shard) +
                     ",\"largestFoldShard\":" + std::to_string(stats.largest_fold_shard) +
                     ",\"kinds\":{" + kinds_js + "}}";
  JZ_RETURN_IF_ERROR(files.write("meta", shard_file("meta", meta)));
  return stats;
}

}  // namespace jz::search
