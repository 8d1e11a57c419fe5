// jz_bench_search: the search engine (store/fts5_search_index.hpp with the "jianzheng"
// tokenizer) on N synthetic records built from real names and real text, against SQLite
// FTS5's unicode61 and trigram tokenizers and a plain scan, on the same documents in the
// same run. Prints the indexing rate, the database size, p50/p99 latency per query class
// and each engine's recall against exact-substring truth. Never passes or fails on time.
// See bench/README.md.
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench_util.hpp"
#include "exchange/csv_reader.hpp"
#include "i18n/script_converter.hpp"
#include "search/pinyin.hpp"
#include "search/query.hpp"
#include "search/search_index.hpp"
#include "search/tokenizer.hpp"
#include "store/fts5_search_index.hpp"
#include "store/sqlite_db.hpp"

#ifndef JZ_REALDATA
#define JZ_REALDATA "../shared/realdata"
#endif
#ifndef JZ_SEEDS
#define JZ_SEEDS "../shared/seeds"
#endif

namespace {

using jz::bench::characters;
using jz::bench::Clock;
using jz::bench::fmt;
using jz::bench::is_han;
using jz::bench::is_name_separator;
using jz::bench::mib;
using jz::bench::Rng;
using jz::bench::seconds_since;
namespace fs = std::filesystem;
using jz::store::fts5_string;

constexpr std::uint64_t kSeed = 0x6A69616E7A68656EULL;  // "jianzhen"

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Wall time and the process's CPU time (every thread: ours tokenizes on a second one),
// summed over the intervals between start() and stop(). Nothing else runs meanwhile.
struct Spent {
  double wall = 0, cpu = 0;
  void start() {
    wall0_ = Clock::now();
    cpu0_ = process_cpu();
  }
  void stop() {
    wall += seconds_since(wall0_);
    cpu += process_cpu() - cpu0_;
  }

 private:
  static double process_cpu() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  Clock::time_point wall0_;
  double cpu0_ = 0;
};

// ---- UTF-8 ---------------------------------------------------------------------------------

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ---- the real data -------------------------------------------------------------------------

struct NameShape {
  bool han = true;
  std::size_t parts = 0;  // characters of a Han name, segments of another
};

struct RealData {
  std::vector<NameShape> shapes;
  std::vector<std::size_t> han_lengths;
  std::vector<std::string> surnames, given, segments;
  std::vector<std::string> genders, places;  // 男 / 女 / ""; the real place column
  std::vector<int> birth_years;              // 0 when the real row has none
  std::vector<std::string> zh_sentences;     // from the Criminal Procedure Law
  std::vector<std::string> en_sentences;     // from the seed documents
  std::int64_t cppc_rows = 0;
  std::size_t cpl_articles = 0;
  std::size_t seed_files = 0;
};

jz::Status read_cppc(const std::string& path, RealData& r) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return jz::Status::io(path + ": cannot read the real CPPC list");
  jz::exchange::CsvReader reader(in, path);
  std::vector<jz::exchange::CsvField> f;
  bool header = true;
  while (true) {
    auto more = reader.next(f);
    if (!more) return more.status();
    if (!*more) break;
    if (header) {
      header = false;
      if (f.empty() || f[0].value != "Name") return jz::Status::invalid(path + ": no CPPC header");
      continue;
    }
    if (f.size() < 5 || f[0].value.empty()) continue;
    ++r.cppc_rows;
    const std::string& name = f[0].value;
    const auto chars = characters(name);
    bool han = true;
    for (const auto& c : chars) han = han && is_han(c.cp);
    if (han) {
      r.shapes.push_back({true, chars.size()});
      r.han_lengths.push_back(chars.size());
      r.surnames.push_back(name.substr(chars[0].start, chars[0].size));
      for (std::size_t i = 1; i < chars.size(); ++i)
        r.given.push_back(name.substr(chars[i].start, chars[i].size));
    } else {
      std::size_t parts = 0;
      std::string segment;
      for (const auto& c : chars) {
        if (is_name_separator(c.cp)) {
          if (!segment.empty()) r.segments.push_back(segment), ++parts;
          segment.clear();
        } else {
          segment += name.substr(c.start, c.size);
        }
      }
      if (!segment.empty()) r.segments.push_back(segment), ++parts;
      r.shapes.push_back({false, std::max<std::size_t>(parts, 1)});
    }
    r.genders.push_back(f[1].value == "male" ? "男" : f[1].value == "female" ? "女" : "");
    const std::string& born = f[2].value;
    r.birth_years.push_back(born.size() >= 4 &&
                                    std::all_of(born.begin(), born.begin() + 4,
                                                [](char c) { return c >= '0' && c <= '9'; })
                                ? std::atoi(born.substr(0, 4).c_str())
                                : 0);
    r.places.push_back(f[4].value);
  }
  if (r.surnames.empty() || r.given.empty())
    return jz::Status::invalid(path + ": too few Han names to learn from");
  if (r.segments.empty()) r.segments = r.given;
  return jz::Status::ok();
}

// The articles of the law, split into sentences at 。 and ；.
jz::Status read_law(const std::string& path, RealData& r) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return jz::Status::io(path + ": cannot read the Criminal Procedure Law");
  std::string line;
  bool in_text = false;
  while (std::getline(in, line)) {
    if (line.find("INFO END") != std::string::npos) {
      in_text = true;
      continue;
    }
    if (!in_text || line.empty() || line[0] == '#') continue;
    std::string_view text = line;
    // "第一条 为了……": drop the article number.
    if (text.starts_with("第")) {
      auto space = text.find(' ');
      auto wide = text.find("\u3000");
      auto cut = std::min(space, wide);
      if (cut != std::string_view::npos && cut < 40 && text.substr(0, cut).ends_with("条")) {
        text.remove_prefix(cut + (cut == space ? 1 : 3));
        ++r.cpl_articles;
      }
    }
    std::string sentence;
    for (const auto& c : characters(text)) {
      sentence.append(text.substr(c.start, c.size));
      if (c.cp == U'。' || c.cp == U'；') {
        if (count_chars(sentence) >= 8) r.zh_sentences.push_back(sentence);
        sentence.clear();
      }
    }
    if (count_chars(sentence) >= 8) r.zh_sentences.push_back(sentence);
  }
  if (r.zh_sentences.empty()) return jz::Status::invalid(path + ": no sentences found");
  return jz::Status::ok();
}

// English sentences of 40-220 printable ASCII bytes from the seed documents.
jz::Status read_seeds(const std::string& dir, RealData& r) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  if (ec || files.empty()) return jz::Status::io(dir + ": no seed documents (*.txt)");
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text;
    for (char c : ss.str()) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (text.empty() || text.back() == ' ')) continue;
      text += c;
    }
    ++r.seed_files;
    std::size_t from = 0;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      bool end = (text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ' &&
                 text[i - 1] >= 'a' && text[i - 1] <= 'z';
      if (!end) continue;
      std::string s = text.substr(from, i + 1 - from);
      from = i + 2;
      while (!s.empty() && s.front() == ' ') s.erase(0, 1);
      bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
      if (ascii && s.size() >= 40 && s.size() <= 220 && s[0] >= 'A' && s[0] <= 'Z' &&
          std::count(s.begin(), s.end(), ' ') >= 5)
        r.en_sentences.push_back(s);
    }
  }
  if (r.en_sentences.empty()) return jz::Status::invalid(dir + ": no English sentences found");
  return jz::Status::ok();
}

// ---- synthetic documents -------------------------------------------------------------------

constexpr std::array kPersonStatuses{"detained",    "serving_sentence", "under_surveillance",
                                     "disappeared", "released",         "exiled",
                                     "deceased",    "unknown"};
constexpr std::array kCaseStatuses{"pre_trial",        "on_trial", "sentenced", "appeal",
                                   "serving_sentence", "released", "closed",    "unknown"};
constexpr std::array kProvinces{
    "anhui",   "beijing", "chongqing", "fujian",         "gansu",    "guangdong", "guangxi",
    "guizhou", "hainan",  "hebei",     "heilongjiang",   "henan",    "hong_kong", "hubei",
    "hunan",   "jiangsu", "jiangxi",   "inner_mongolia", "jilin",    "liaoning",  "macau",
    "ningxia", "qinghai", "shaanxi",   "shandong",       "shanghai", "shanxi",    "sichuan",
    "taiwan",  "tianjin", "tibet",     "xinjiang",       "yunnan",   "zhejiang"};

struct GenDoc {
  jz::search::SearchDocument doc;
  std::string name;  // the first name (a person's, or the one in a case's title)
  bool han_name = false;
};

class Generator {
 public:
  explicit Generator(const RealData& r) : r_(r) {}

  // Document i is a function of i alone, so any of them can be made again for the queries.
  GenDoc make(std::size_t i) const {
    Rng rng(Rng(kSeed + i).next());
    GenDoc g;
    auto& d = g.doc;
    const bool person = rng.below(5) != 0;  // 80 % persons, 20 % cases
    g.han_name = true;
    g.name = any_name(rng, &g.han_name);
    char id[16];
    std::snprintf(id, sizeof id, "%c%07zu", person ? 'p' : 'c', i);
    d.id = id;
    if (person) {
      d.kind = "person";
      d.names = g.name;
      d.pinyin = jz::search::name_pinyin(g.name);
      if (rng.below(20) == 0) {  // an alias
        std::string alias = han_name(rng);
        d.names += "\n" + alias;
        std::string p = jz::search::name_pinyin(alias);
        if (!p.empty()) d.pinyin += (d.pinyin.empty() ? "" : "\n") + p;
      }
      const std::size_t row = rng.below(r_.genders.size());
      std::string intro = g.name;
      if (!r_.genders[row].empty()) intro += "，" + r_.genders[row];
      if (r_.birth_years[row]) intro += "，" + std::to_string(r_.birth_years[row]) + "年出生";
      const std::string& place = r_.places[rng.below(r_.places.size())];
      if (!place.empty()) intro += "，" + place + "人";
      d.body = intro + "。";
      d.facets.push_back({"status", kPersonStatuses[rng.below(kPersonStatuses.size())]});
      d.facets.push_back({"province", kProvinces[rng.below(kProvinces.size())]});
      if (r_.birth_years[row]) d.facets.push_back({"year", std::to_string(r_.birth_years[row])});
    } else {
      d.kind = "case";
      d.title = g.name + "案";
      d.facets.push_back({"status", kCaseStatuses[rng.below(kCaseStatuses.size())]});
      d.facets.push_back({"year", std::to_string(1989 + rng.below(36))});
    }
    // A summary of 100-300 characters: sentences of the law, and in 40 % of the records one
    // English sentence from the seed documents after the first of them.
    const std::size_t target = 100 + rng.below(201);
    bool english = rng.below(5) < 2;
    while (count_chars(d.body) < target) {
      d.body += r_.zh_sentences[rng.below(r_.zh_sentences.size())];
      if (english) {
        d.body += " " + r_.en_sentences[rng.below(r_.en_sentences.size())] + " ";
        english = false;
      }
    }
    const auto chars = characters(d.body);
    if (chars.size() > 300) d.body.resize(chars[300].start);
    while (!d.body.empty() && d.body.back() == ' ') d.body.pop_back();
    return g;
  }

  std::string han_name(Rng& rng) const {
    std::string name = r_.surnames[rng.below(r_.surnames.size())];
    const std::size_t n = r_.han_lengths[rng.below(r_.han_lengths.size())];
    for (std::size_t k = 1; k < n; ++k) name += r_.given[rng.below(r_.given.size())];
    return name;
  }

 private:
  std::string any_name(Rng& rng, bool* han) const {
    const NameShape& shape = r_.shapes[rng.below(r_.shapes.size())];
    *han = shape.han;
    std::string name;
    if (shape.han) {
      name = r_.surnames[rng.below(r_.surnames.size())];
      for (std::size_t k = 1; k < shape.parts; ++k) name += r_.given[rng.below(r_.given.size())];
    } else {
      for (std::size_t k = 0; k < shape.parts; ++k) {
        if (k) name += "•";
        name += r_.segments[rng.below(r_.segments.size())];
      }
    }
    return name;
  }

  const RealData& r_;
};

// ---- the plain scan: every document's text in one buffer -----------------------------------

// names \n title \n body \0 for every document; starts[i] is where document i begins.
struct PlainText {
  std::string buffer;
  std::vector<std::uint64_t> starts{0};
  std::vector<std::uint16_t> names_size;

  void add(const jz::search::SearchDocument& d) {
    buffer += d.names;
    buffer += '\n';
    buffer += d.title;
    buffer += '\n';
    buffer += d.body;
    buffer += '\0';
    starts.push_back(buffer.size());
    names_size.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(d.names.size(), 65535)));
  }
};

enum class ScanMode {
  kAnywhere,    // a substring of names, title or body
  kNames,       // a substring of names
  kWholeWords,  // a substring not preceded or followed by a letter or digit
};

// The documents (ascending) whose text holds `needle`.
std::vector<std::uint32_t> scan(const PlainText& t, std::string_view needle, ScanMode mode) {
  std::vector<std::uint32_t> out;
  if (needle.empty()) return out;
  const char* base = t.buffer.data();
  const std::size_t size = t.buffer.size();
  std::size_t pos = 0, doc = 0;
  while (pos < size) {
    const void* hit = memmem(base + pos, size - pos, needle.data(), needle.size());
    if (!hit) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
    doc = static_cast<std::size_t>(
              std::upper_bound(t.starts.begin() + static_cast<long>(doc), t.starts.end(), at) -
              t.starts.begin()) -
          1;
    const std::size_t end = at + needle.size();
    bool ok = true;
    if (mode == ScanMode::kNames) ok = end <= t.starts[doc] + t.names_size[doc];
    if (mode == ScanMode::kWholeWords)
      ok =
          (at == 0 || !is_ascii_alnum(base[at - 1])) && (end >= size || !is_ascii_alnum(base[end]));
    if (ok) {
      out.push_back(static_cast<std::uint32_t>(doc));
      pos = t.starts[doc + 1];
    } else {
      // Names come first, so a later hit in this document is not in its names either.
      pos = mode == ScanMode::kNames ? t.starts[doc + 1] : at + 1;
    }
  }
  return out;
}

// ---- engines -------------------------------------------------------------------------------

jz::Status set_pragmas(jz::store::Database& db) {
  // As the store opens a database for a bulk import (store/sqlite_store.cpp).
  for (const char* p : {"PRAGMA journal_mode = TRUNCATE", "PRAGMA synchronous = NORMAL",
                        "PRAGMA cache_size = -64000"})
    JZ_RETURN_IF_ERROR(db.exec(p));
  return jz::Status::ok();
}

// An FTS5 table with one of SQLite's tokenizers over names, title and body, used as most
// programs would: the query text as one quoted FTS5 string, ranked by bm25.
class Fts5Anchor {
 public:
  static jz::Result<Fts5Anchor> open(const std::string& path, const std::string& tokenizer) {
    auto db = jz::store::Database::open(path, true);
    if (!db) return db.status();
    Fts5Anchor a(std::move(*db));
    JZ_RETURN_IF_ERROR(set_pragmas(a.db_));
    JZ_RETURN_IF_ERROR(a.db_.exec(
        "CREATE VIRTUAL TABLE t USING fts5(names, title, body, tokenize = '" + tokenizer + "')"));
    auto p = [&](jz::store::Statement& s, const char* sql) -> jz::Status {
      auto r = a.db_.prepare(sql);
      if (!r) return r.status();
      s = std::move(*r);
      return jz::Status::ok();
    };
    JZ_RETURN_IF_ERROR(
        p(a.insert_, "INSERT INTO t (rowid, names, title, body) VALUES (?1, ?2, ?3, ?4)"));
    JZ_RETURN_IF_ERROR(p(a.top_, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT 20"));
    JZ_RETURN_IF_ERROR(p(a.count_, "SELECT count(*) FROM t WHERE t MATCH ?1"));
    JZ_RETURN_IF_ERROR(p(a.all_, "SELECT rowid FROM t WHERE t MATCH ?1"));
    return a;
  }

  jz::Status put(std::size_t i, const jz::search::SearchDocument& d) {
    insert_.bind(1, static_cast<std::int64_t>(i) + 1).bind(2, d.names).bind(3, d.title);
    return insert_.bind(4, d.body).run();
  }
  // The top 20 and the number of matches, as a result page needs them.
  jz::Result<std::int64_t> query(const std::string& match) {
    jz::Status s;
    top_.bind(1, match);
    while (top_.step(&s)) {
    }
    top_.reset();
    if (!s) return s;
    count_.bind(1, match);
    std::int64_t n = count_.step(&s) ? count_.integer(0) : 0;
    count_.reset();
    if (!s) return s;
    return n;
  }
  jz::Result<std::vector<std::uint32_t>> all(const std::string& match) {
    return rowids(all_, match);
  }
  jz::store::Database& db() { return db_; }

  static jz::Result<std::vector<std::uint32_t>> rowids(jz::store::Statement& st,
                                                       const std::string& match) {
    std::vector<std::uint32_t> out;
    jz::Status s;
    st.bind(1, match);
    while (st.step(&s)) out.push_back(static_cast<std::uint32_t>(st.integer(0) - 1));
    st.reset();
    if (!s) return s;
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  explicit Fts5Anchor(jz::store::Database db) : db_(std::move(db)) {}
  jz::store::Database db_;
  jz::store::Statement insert_, top_, count_, all_;
};

// ---- queries -------------------------------------------------------------------------------

enum Class {
  k1Char,
  k2Chars,
  kName,
  kTradName,
  kPinyin,
  kPinyinJoined,
  kPhraseZh,
  kPhraseEn,
  kClasses
};
constexpr const char* kClassNames[kClasses] = {"1 char",       "2 chars",  "name",
                                               "name (Trad.)", "pinyin",   "pinyin joined",
                                               "phrase zh",    "phrase en"};
constexpr const char* kClassHelp[kClasses] = {
    "one character of a name",
    "two characters in a row of a name",
    "a whole Han name (2-4 characters, mostly 3)",
    "the same kind of name converted to Traditional (OpenCC s2tw)",
    "toneless pinyin, surname apart: \"liu xiaobo\"",
    "toneless pinyin in one word: \"liuxiaobo\"",
    "4-8 Han characters in a row from a record's text (the law's sentences)",
    "2-4 whole English words in quotes from a record's text (the seed documents)"};

struct BenchQuery {
  Class cls;
  std::string typed;  // what the reader types (ours gets it through parse_query)
  std::string plain;  // the text the anchors search for: typed without the quotes
  std::string truth;  // the Simplified text whose documents are the truth
  ScanMode truth_mode;
};

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// A person with a Han name of 2-4 characters whose pinyin has a syllable for each.
GenDoc pick_named(const Generator& gen, std::size_t n, Rng& rng) {
  while (true) {
    GenDoc g = gen.make(rng.below(n));
    if (g.doc.kind != "person" || !g.han_name) continue;
    const std::size_t len = count_chars(g.name);
    if (len < 2 || len > 4) continue;
    if (words_of(jz::search::name_pinyin(g.name)).size() != len) continue;
    return g;
  }
}

std::vector<BenchQuery> make_queries(const Generator& gen, std::size_t n, std::size_t per_class,
                                     const jz::i18n::ScriptConverter& opencc) {
  Rng rng(kSeed ^ 0x7175657269657321ULL);
  std::vector<BenchQuery> qs;
  for (std::size_t k = 0; k < per_class; ++k) {
    {
      GenDoc g = pick_named(gen, n, rng);
      auto cs = characters(g.name);
      const jz::bench::Utf8Char& c = cs[rng.below(cs.size())];
      std::string one = g.name.substr(c.start, c.size);
      qs.push_back({k1Char, one, one, one, ScanMode::kAnywhere});
    }
    {
      GenDoc g = pick_named(gen, n, rng);
      auto cs = characters(g.name);
      std::size_t at = rng.below(cs.size() - 1);
      std::string two = g.name.substr(cs[at].start, cs[at].size + cs[at + 1].size);
      qs.push_back({k2Chars, two, two, two, ScanMode::kAnywhere});
    }
    {
      GenDoc g = pick_named(gen, n, rng);
      qs.push_back({kName, g.name, g.name, g.name, ScanMode::kAnywhere});
    }
    {
      // Names that look the same in both scripts test nothing new: try a few for one that
      // changes.
      GenDoc g = pick_named(gen, n, rng);
      std::string trad = opencc.to_traditional(g.name);
      for (int tries = 0; tries < 20 && trad == g.name; ++tries) {
        g = pick_named(gen, n, rng);
        trad = opencc.to_traditional(g.name);
      }
      qs.push_back({kTradName, trad, trad, g.name, ScanMode::kAnywhere});
    }
    for (Class cls : {kPinyin, kPinyinJoined}) {
      GenDoc g = pick_named(gen, n, rng);
      auto syllables = words_of(jz::search::name_pinyin(g.name));
      std::string typed = syllables[0];
      if (cls == kPinyin) typed += ' ';
      for (std::size_t i = 1; i < syllables.size(); ++i) typed += syllables[i];
      qs.push_back({cls, typed, typed, g.name, ScanMode::kNames});
    }
    {
      // A run of at least 4 Han characters in some record's body.
      while (true) {
        GenDoc g = gen.make(rng.below(n));
        auto cs = characters(g.doc.body);
        std::vector<std::pair<std::size_t, std::size_t>> runs;  // first char, length
        for (std::size_t i = 0; i < cs.size();) {
          std::size_t j = i;
          while (j < cs.size() && is_han(cs[j].cp)) ++j;
          if (j - i >= 4) runs.emplace_back(i, j - i);
          i = j + 1;
        }
        if (runs.empty()) continue;
        auto [first, len] = runs[rng.below(runs.size())];
        std::size_t take = 4 + rng.below(std::min<std::size_t>(len, 8) - 3);
        std::size_t at = first + rng.below(len - take + 1);
        std::string phrase = g.doc.body.substr(
            cs[at].start, cs[at + take - 1].start + cs[at + take - 1].size - cs[at].start);
        qs.push_back({kPhraseZh, phrase, phrase, phrase, ScanMode::kAnywhere});
        break;
      }
    }
    {
      // 2-4 whole English words separated by single spaces, one of them of 4 letters or more.
      while (true) {
        GenDoc g = gen.make(rng.below(n));
        const std::string& b = g.doc.body;
        std::vector<std::pair<std::size_t, std::size_t>> words;  // start, end
        for (std::size_t i = 0; i < b.size();) {
          if (!is_ascii_alpha(b[i])) {
            ++i;
            continue;
          }
          std::size_t j = i;
          while (j < b.size() && is_ascii_alpha(b[j])) ++j;
          bool bounded =
              (i == 0 || !is_ascii_alnum(b[i - 1])) && (j == b.size() || !is_ascii_alnum(b[j]));
          if (bounded) words.emplace_back(i, j);
          i = j;
        }
        if (words.size() < 4) continue;
        std::size_t count = 2 + rng.below(3);
        std::size_t first = rng.below(words.size() - count + 1);
        bool single_spaces = true, long_word = false;
        for (std::size_t w = first; w < first + count; ++w) {
          long_word = long_word || words[w].second - words[w].first >= 4;
          if (w > first &&
              (words[w].first != words[w - 1].second + 1 || b[words[w - 1].second] != ' '))
            single_spaces = false;
        }
        if (!single_spaces || !long_word) continue;
        std::string phrase =
            b.substr(words[first].first, words[first + count - 1].second - words[first].first);
        qs.push_back({kPhraseEn, "\"" + phrase + "\"", phrase, phrase, ScanMode::kWholeWords});
        break;
      }
    }
  }
  return qs;
}

// ---- figures -------------------------------------------------------------------------------

enum Series { kOursApi, kOursNext, kU61, kTri, kPlain, kSeries };

struct Recall {
  std::uint64_t truth = 0, found_true = 0, found = 0;
  std::size_t queries = 0, queries_missing = 0;  // queries that missed a true document
  double query_recall_sum = 0;                   // each query's found true / true
  void add(const std::vector<std::uint32_t>& found_ids,
           const std::vector<std::uint32_t>& truth_ids) {
    std::size_t i = 0, j = 0, both = 0;
    while (i < found_ids.size() && j < truth_ids.size()) {
      if (found_ids[i] < truth_ids[j]) {
        ++i;
      } else if (truth_ids[j] < found_ids[i]) {
        ++j;
      } else {
        ++both, ++i, ++j;
      }
    }
    truth += truth_ids.size();
    found += found_ids.size();
    found_true += both;
    ++queries;
    query_recall_sum +=
        truth_ids.empty() ? 1.0 : static_cast<double>(both) / static_cast<double>(truth_ids.size());
    if (both < truth_ids.size()) ++queries_missing;
  }
  void add(const Recall& o) {
    truth += o.truth, found_true += o.found_true, found += o.found;
    queries += o.queries, queries_missing += o.queries_missing;
    query_recall_sum += o.query_recall_sum;
  }
};

// A percentage rounded down to 0.1, so that only a complete result shows 100.0%.
std::string percent_down(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%",
                whole > 0 ? std::floor(1000.0 * part / whole) / 10 : 100.0);
  return buf;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

std::string ms(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
  return buf;
}

std::string pad(const std::string& s, std::size_t width, bool right = true) {
  std::size_t w = count_chars(s);
  if (w >= width) return s;
  return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::size_t distinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
}

int usage(const char* argv0) {
  std::fprintf(stderr,
               "usage: %s [--rows N | --records N] [--queries N] [--batch N] [--real DIR]\n"
               "          [--seeds DIR] [--tmp DIR] [--keep] [--lookups N (ignored)]\n"
               "  --rows N, --records N  synthetic records to index (default 1000000)\n"
               "  --queries N  queries per class, 8 classes (default 50)\n"
               "  --batch N    records per transaction while indexing (default 10000)\n"
               "  --real DIR   the real data (default %s)\n"
               "  --seeds DIR  the seed documents (default %s)\n"
               "  --tmp DIR    where the work directory is made (default $TMPDIR or /tmp)\n"
               "  --keep       keep the databases\n",
               argv0, JZ_REALDATA, JZ_SEEDS);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 1'000'000, per_class = 50, batch = 10'000;
  std::string real = JZ_REALDATA, seeds = JZ_SEEDS;
  const char* tmp_env = std::getenv("TMPDIR");
  std::string tmp = tmp_env && *tmp_env ? tmp_env : "/tmp";
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if ((a == "--rows" || a == "--records") && has_value) {
      n = static_cast<std::size_t>(std::atoll(argv[++i]));
    } else if (a == "--queries" && has_value) {
      per_class = static_cast<std::size_t>(std::atoll(argv[++i]));
    } else if (a == "--batch" && has_value) {
      batch = static_cast<std::size_t>(std::atoll(argv[++i]));
    } else if (a == "--real" && has_value) {
      real = argv[++i];
    } else if (a == "--seeds" && has_value) {
      seeds = argv[++i];
    } else if (a == "--tmp" && has_value) {
      tmp = argv[++i];
    } else if (a == "--lookups" && has_value) {
      ++i;  // jz_bench_import's option, since bench/run passes the same arguments to all
    } else if (a == "--keep") {
      keep = true;
    } else {
      return usage(argv[0]);
    }
  }
  if (n < 100 || per_class == 0 || batch == 0) return usage(argv[0]);

  const auto run_start = Clock::now();
  const std::string load_at_start = jz::bench::load_average();
  std::string pattern = tmp + "/jz-bench-search-XXXXXX";
  std::vector<char> dir_buf(pattern.begin(), pattern.end());
  dir_buf.push_back('\0');
  if (!mkdtemp(dir_buf.data())) {
    std::fprintf(stderr, "cannot make a directory in %s: %s\n", tmp.c_str(), std::strerror(errno));
    return 1;
  }
  const std::string dir = dir_buf.data();
  auto cleanup = [&] {
    if (!keep) {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  };
  auto die = [&](const std::string& what, const jz::Status& s) {
    std::fprintf(stderr, "jz_bench_search: %s: %s\n", what.c_str(), s.message().c_str());
    cleanup();
    return 1;
  };

  std::printf("== jz_bench_search: search on synthetic records from real names and text ==\n%s",
              jz::bench::describe_machine().c_str());
  std::printf("load avg  %s at start (other work on the machine slows every figure)\n",
              load_at_start.c_str());
  std::printf("work dir  %s%s\n", dir.c_str(), keep ? " (kept)" : " (removed at the end)");
  std::fflush(stdout);

  // ---- the real data
  RealData r;
  const std::string cppc = real + "/cppc-political-prisoners/chinese-political-prisoners.csv";
  const std::string law = real + "/prc-law/criminal-procedure-law-2018.md";
  if (auto s = read_cppc(cppc, r); !s) return die("reading the CPPC list", s);
  if (auto s = read_law(law, r); !s) return die("reading the law", s);
  if (auto s = read_seeds(seeds, r); !s) return die("reading the seed documents", s);
  auto opencc = jz::i18n::ScriptConverter::open();
  if (!opencc) return die("opening OpenCC", opencc.status());
  Generator gen(r);

  // ---- the engines
  const std::string ours_path = dir + "/jianzheng.db";
  auto ours_db = jz::store::Database::open(ours_path, true);
  if (!ours_db) return die("creating " + ours_path, ours_db.status());
  if (auto s = set_pragmas(*ours_db); !s) return die(ours_path, s);
  if (auto s = ours_db->exec(jz::store::kSearchSchemaSql); !s) return die("the search schema", s);
  auto ours = jz::store::open_fts5_search_index(*ours_db);
  if (!ours) return die("open_fts5_search_index", ours.status());
  auto u61 = Fts5Anchor::open(dir + "/unicode61.db", "unicode61");
  if (!u61) return die("the unicode61 table", u61.status());
  auto tri = Fts5Anchor::open(dir + "/trigram.db", "trigram");
  if (!tri) return die("the trigram table", tri.status());
  PlainText plain;

  // ---- indexing: each batch is made once and given to every engine in turn
  double t_gen = 0;
  Spent t_tok, t_ours, t_u61, t_tri, t_plain;
  std::uint64_t terms = 0, body_chars = 0, text_bytes = 0, persons = 0;
  std::unordered_set<std::size_t> name_hashes;
  // (records done, seconds of ours) at the first batch end in each tenth of the run
  std::vector<std::pair<std::size_t, double>> ours_marks{{0, 0.0}};
  std::vector<jz::search::SearchDocument> docs;
  for (std::size_t first = 0; first < n; first += batch) {
    const std::size_t last = std::min(n, first + batch);
    auto t0 = Clock::now();
    docs.clear();
    for (std::size_t i = first; i < last; ++i) {
      GenDoc g = gen.make(i);
      name_hashes.insert(std::hash<std::string>()(g.name));
      docs.push_back(std::move(g.doc));
    }
    t_gen += seconds_since(t0);
    for (const auto& d : docs) {
      body_chars += count_chars(d.body);
      text_bytes += d.names.size() + d.pinyin.size() + d.title.size() + d.body.size();
      persons += d.kind == "person";
    }

    // Our tokenizer alone, over the four columns it is given.
    t_tok.start();
    for (const auto& d : docs)
      for (const std::string* col : {&d.names, &d.pinyin, &d.title, &d.body})
        jz::search::tokenize(*col, jz::search::TokenizeFor::kDocument,
                             [&](std::string_view, std::size_t, std::size_t, bool) {
                               ++terms;
                               return true;
                             });
    t_tok.stop();

    t_ours.start();
    if (auto s = ours_db->exec("BEGIN"); !s) return die("ours", s);
    if (auto s = (*ours)->put_many(docs); !s) return die("SearchIndex::put_many", s);
    if (auto s = ours_db->exec("COMMIT"); !s) return die("ours", s);
    t_ours.stop();
    if (last * 10 / n >= ours_marks.size()) ours_marks.emplace_back(last, t_ours.wall);

    for (auto [anchor, t] : {std::pair{&*u61, &t_u61}, std::pair{&*tri, &t_tri}}) {
      t->start();
      if (auto s = anchor->db().exec("BEGIN"); !s) return die("anchor", s);
      for (std::size_t k = 0; k < docs.size(); ++k)
        if (auto s = anchor->put(first + k, docs[k]); !s) return die("anchor insert", s);
      if (auto s = anchor->db().exec("COMMIT"); !s) return die("anchor", s);
      t->stop();
    }

    t_plain.start();
    for (const auto& d : docs) plain.add(d);
    t_plain.stop();
  }
  docs.clear();
  docs.shrink_to_fit();
  // search_docs' rowids are the documents' numbers + 1, as the anchors' rowids are.
  {
    auto q = ours_db->prepare(
        "SELECT count(*) FROM search_docs WHERE rowid != CAST(substr(id, 2) AS INTEGER) + 1");
    jz::Status s;
    if (!q || !q->step(&s) || q->integer(0) != 0)
      return die("checking rowids", jz::Status::internal("search_docs rowids are not in order"));
  }
  std::printf("\n");
  std::printf(
      "input     %s synthetic records (%s persons, %s cases), %s characters of body on average\n",
      fmt(static_cast<double>(n)).c_str(), fmt(static_cast<double>(persons)).c_str(),
      fmt(static_cast<double>(n - persons)).c_str(),
      fmt(static_cast<double>(body_chars) / static_cast<double>(n)).c_str());
  std::printf(
      "          names from %s real CPPC rows (%zu distinct surnames, %zu given-name characters, "
      "%zu "
      "name segments;\n          %s distinct first names in the records),\n",
      fmt(static_cast<double>(r.cppc_rows)).c_str(), distinct(r.surnames), distinct(r.given),
      distinct(r.segments), fmt(static_cast<double>(name_hashes.size())).c_str());
  std::printf(
      "          text from %zu sentences of the Criminal Procedure Law (%zu articles) and %zu "
      "English\n"
      "          sentences of %zu seed documents; %s of text indexed (names, pinyin, title, "
      "body)\n",
      r.zh_sentences.size(), r.cpl_articles, r.en_sentences.size(), r.seed_files,
      mib(static_cast<double>(text_bytes) / 1024).c_str());
  std::printf("          generated in %.2f s (not counted below)\n", t_gen);
  std::fflush(stdout);

  // ---- sizes
  std::uint64_t ours_bytes = 0, u61_bytes = 0, tri_bytes = 0;
  std::string ours_split;
  {
    auto size_of = [](jz::store::Database& db) -> std::uint64_t {
      auto q = db.prepare("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
      jz::Status s;
      return q && q->step(&s) ? static_cast<std::uint64_t>(q->integer(0)) : 0;
    };
    ours_bytes = size_of(*ours_db);
    u61_bytes = size_of(u61->db());
    tri_bytes = size_of(tri->db());
    auto q = ours_db->prepare(
        "SELECT CASE WHEN name LIKE 'search_text%' THEN 'FTS5 index' WHEN name LIKE "
        "'search_docs%' THEN 'docs with facets' ELSE 'other' END, sum(pgsize) FROM dbstat GROUP BY "
        "1 "
        "ORDER BY 2 DESC");
    jz::Status s;
    if (q)
      while (q->step(&s))
        ours_split += (ours_split.empty() ? "" : ", ") + q->text(0) + " " +
                      mib(static_cast<double>(q->integer(1)) / 1024);
  }

  // ---- what indexing cost, printed now: the queries take a while
  auto rate = [&](double seconds) { return fmt(static_cast<double>(n) / seconds); };
  std::printf(
      "\nindex     %s records, %zu per transaction; our tokenizer alone: %.2f s CPU, %.1f us and "
      "%.0f terms per record\n",
      fmt(static_cast<double>(n)).c_str(), batch, t_tok.cpu,
      t_tok.cpu * 1e6 / static_cast<double>(n),
      static_cast<double>(terms) / static_cast<double>(n));
  std::printf(
      "  engine                          records/s   wall s    CPU s       size   ours/this: wall, "
      "CPU, size\n");
  auto index_line = [&](const char* name, const Spent& t, double bytes) {
    std::string ratios = &t == &t_ours
                             ? ""
                             : fmt(t_ours.wall / t.wall, 2) + "x, " + fmt(t_ours.cpu / t.cpu, 2) +
                                   "x, " + fmt(static_cast<double>(ours_bytes) / bytes, 2) + "x";
    std::printf("  %-30s %10s %8.2f %8.2f %10s%s%s\n", name, rate(t.wall).c_str(), t.wall, t.cpu,
                mib(bytes / 1024).c_str(), ratios.empty() ? "" : "   ", ratios.c_str());
  };
  index_line("ours (FTS5 + jianzheng)", t_ours, static_cast<double>(ours_bytes));
  index_line("FTS5 unicode61", t_u61, static_cast<double>(u61_bytes));
  index_line("FTS5 trigram", t_tri, static_cast<double>(tri_bytes));
  index_line("plain scan (text in memory)", t_plain, static_cast<double>(plain.buffer.size()));
  {
    std::string tenths;
    for (std::size_t t = 1; t < ours_marks.size(); ++t)
      tenths += (t > 1 ? " " : "") +
                fmt(static_cast<double>(ours_marks[t].first - ours_marks[t - 1].first) /
                    (ours_marks[t].second - ours_marks[t - 1].second));
    std::printf("  ours, records/s by tenth       %s\n", tenths.c_str());
  }
  std::printf("  ours, records per CPU second   %s\n", rate(t_ours.cpu).c_str());
  std::printf("  ours by table                  %s\n",
              ours_split.empty() ? "(no dbstat)" : ours_split.c_str());
  std::printf(
      "  goal: ours >= 20,000 records/s; ours writes names, pinyin, title, body and a "
      "search_docs\n"
      "  row with the facets (3 per record); the anchors write names, title, body\n");
  std::fflush(stdout);

  // ---- queries
  auto t_q = Clock::now();
  std::vector<BenchQuery> qs = make_queries(gen, n, per_class, *opencc);
  const double t_make_queries = seconds_since(t_q);
  std::printf(
      "\nqueries   %zu per class, %zu in all (made in %.2f s): SearchIndex::search with "
      "parse_query,\n"
      "          limit 20, total and facets; the anchors run top 20 by bm25 plus count(*) with "
      "the\n"
      "          query as one quoted FTS5 string; the plain scan memmem()s the text as typed\n",
      per_class, qs.size(), t_make_queries);
  for (int c = 0; c < kClasses; ++c) {
    std::string example = qs[static_cast<std::size_t>(c)].typed;
    std::printf("  %-14s %s, e.g. %s\n", kClassNames[c], kClassHelp[c], example.c_str());
  }
  std::fflush(stdout);

  // search() reads search_docs into memory on its first call: that is timed apart, first.
  double first_search_ms = 0;
  {
    auto t0 = Clock::now();
    jz::search::SearchRequest nothing;
    nothing.query = *jz::search::parse_query("qqqqzzzz");
    auto res = (*ours)->search(nothing);
    first_search_ms = ms_since(t0);
    if (!res) return die("SearchIndex::search", res.status());
  }
  // Recall, untimed; this pass also warms every engine's caches before the timed pass.
  std::array<std::array<Recall, kClasses>, 4> recall{};  // ours, unicode61, trigram, plain
  std::array<std::uint64_t, kClasses> truth_total{};
  std::size_t total_mismatches = 0;
  std::vector<std::string> ours_match(qs.size());
  std::vector<std::size_t> ours_found(qs.size());
  std::array<std::size_t, kClasses> incomplete{};
  auto ours_all_stmt = ours_db->prepare("SELECT rowid FROM search_text WHERE search_text MATCH ?1");
  if (!ours_all_stmt) return die("prepare", ours_all_stmt.status());
  t_q = Clock::now();
  double t_truth = 0;
  for (std::size_t k = 0; k < qs.size(); ++k) {
    const auto& q = qs[k];
    auto parsed = jz::search::parse_query(q.typed);
    if (!parsed) return die("parse_query(" + q.typed + ")", parsed.status());
    ours_match[k] = jz::store::fts5_match_expression(*parsed);
    auto t0 = Clock::now();
    auto truth = scan(plain, q.truth, q.truth_mode);
    t_truth += seconds_since(t0);
    truth_total[q.cls] += truth.size();
    auto o = Fts5Anchor::rowids(*ours_all_stmt, ours_match[k]);
    if (!o) return die("ours: " + q.typed, o.status());
    recall[0][q.cls].add(*o, truth);
    ours_found[k] = o->size();
    {  // search() reads search_head and search_docs too: warm them as the anchors' tables are
      jz::search::SearchRequest warm;
      warm.query = *parsed;
      if (auto res = (*ours)->search(warm); !res) return die("SearchIndex::search", res.status());
    }
    auto u = u61->all(fts5_string(q.plain));
    if (!u) return die("unicode61: " + q.typed, u.status());
    recall[1][q.cls].add(*u, truth);
    auto t = tri->all(fts5_string(q.plain));
    if (!t) return die("trigram: " + q.typed, t.status());
    recall[2][q.cls].add(*t, truth);
    // The plain scan finds the truth itself when the text as typed is the truth's.
    if (q.plain == q.truth && q.truth_mode == ScanMode::kAnywhere)
      recall[3][q.cls].add(truth, truth);
    else
      recall[3][q.cls].add(scan(plain, q.plain, ScanMode::kAnywhere), truth);
  }
  const double t_recall = seconds_since(t_q);

  // Latency: every engine on one query before the next query, so a change in the
  // machine's load hits all of them. The plain scan goes first: it streams the whole text
  // through the CPU caches, which then start equally cold for the other engines.
  std::array<std::array<std::vector<double>, kSeries>, kClasses> lat{};
  t_q = Clock::now();
  std::size_t facet_rows = 0, plain_found = 0;
  for (std::size_t k = 0; k < qs.size(); ++k) {
    const auto& q = qs[k];
    auto& l = lat[q.cls];
    auto t0 = Clock::now();
    plain_found += scan(plain, q.plain, ScanMode::kAnywhere).size();
    l[kPlain].push_back(ms_since(t0));

    const std::string match = fts5_string(q.plain);
    for (auto [anchor, series] : {std::pair{&*u61, kU61}, std::pair{&*tri, kTri}}) {
      t0 = Clock::now();
      auto c = anchor->query(match);
      l[series].push_back(ms_since(t0));
      if (!c) return die("anchor query", c.status());
    }

    // What a reader's request costs: parse_query, then search().
    t0 = Clock::now();
    auto parsed = jz::search::parse_query(q.typed);
    if (!parsed) return die("parse_query", parsed.status());
    jz::search::SearchRequest request;
    request.query = std::move(*parsed);
    request.limit = 20;
    auto res = (*ours)->search(request);
    l[kOursApi].push_back(ms_since(t0));
    if (!res) return die("SearchIndex::search", res.status());
    facet_rows += res->facets.size();

    if (!res->complete) {
      ++incomplete[q.cls];
      // Counted: the engine's limit, plus name and title matches beyond it.
      if (static_cast<std::size_t>(res->total) > ours_found[k]) ++total_mismatches;
    } else if (static_cast<std::size_t>(res->total) != ours_found[k]) {
      ++total_mismatches;
    }

    // The next page, as a reader who reads on asks for it.
    t0 = Clock::now();
    request.offset = 20;
    auto next = (*ours)->search(request);
    l[kOursNext].push_back(ms_since(t0));
    if (!next) return die("SearchIndex::search", next.status());
  }
  const double t_latency = seconds_since(t_q);

  // ---- latency and recall
  auto all_of_series = [&](Series s) {
    std::vector<double> v;
    for (int c = 0; c < kClasses; ++c) v.insert(v.end(), lat[c][s].begin(), lat[c][s].end());
    return v;
  };
  std::printf(
      "\nlatency   ms, p50 / p99 per class (%zu queries each; for fewer than 100, p99 is the "
      "slowest).\n"
      "          ours: parse_query + SearchIndex::search (top 20, total, facets); next page:\n"
      "          the same request for hits 21-40; counted: queries whose matches were all "
      "counted\n",
      per_class);
  std::printf("  %-14s %15s %15s %15s %15s %15s %10s\n", "class", "ours", "next page", "unicode61",
              "trigram", "plain scan", "counted");
  auto lat_row = [&](const std::string& name, auto get, std::size_t queries, std::size_t partial) {
    std::string row = "  " + pad(name, 14, false);
    for (Series s : {kOursApi, kOursNext, kU61, kTri, kPlain}) {
      auto v = get(s);
      row += " " + pad(ms(percentile(v, 0.5)) + " / " + ms(percentile(v, 0.99)), 15);
    }
    row += " " + pad(std::to_string(queries - partial) + "/" + std::to_string(queries), 10);
    std::printf("%s\n", row.c_str());
  };
  std::size_t all_partial = 0;
  for (int c = 0; c < kClasses; ++c) {
    lat_row(
        kClassNames[c], [&](Series s) { return lat[c][s]; }, per_class, incomplete[c]);
    all_partial += incomplete[c];
  }
  lat_row("all", all_of_series, qs.size(), all_partial);
  std::printf("  goal: ours p50 <= 5 ms, p99 <= 50 ms\n");

  std::printf("\nratios    p50 of ours search() / p50 of the anchor (below 1: ours is faster)\n");
  std::printf("  %-14s %12s %12s %12s\n", "class", "unicode61", "trigram", "plain scan");
  for (int c = 0; c <= kClasses; ++c) {
    auto get = [&](Series s) { return c == kClasses ? all_of_series(s) : lat[c][s]; };
    double o = percentile(get(kOursApi), 0.5);
    std::string row = "  " + pad(c == kClasses ? "all" : kClassNames[c], 14, false);
    for (Series s : {kU61, kTri, kPlain})
      row += " " + pad(fmt(o / percentile(get(s), 0.5), 2) + "x", 12);
    std::printf("%s\n", row.c_str());
  }

  std::printf(
      "\nrecall    records found that hold the query / records that hold it (exact substring of\n"
      "          names, title or body in Simplified; pinyin: the names that give that pinyin;\n"
      "          English: whole words), rounded down; in brackets, queries that missed a record.\n"
      "          \"all, per query\": the mean of each query's recall, so every query counts the "
      "same\n");
  std::printf("  %-14s %12s %15s %15s %15s %15s\n", "class", "true records", "ours", "unicode61",
              "trigram", "plain scan");
  for (int c = 0; c <= kClasses + 1; ++c) {
    const bool all = c >= kClasses;
    std::string row = "  " + pad(c == kClasses ? "all, records"
                                 : all         ? "all, per query"
                                               : kClassNames[c],
                                 14, false);
    std::uint64_t truth = 0;
    for (int k = 0; k < kClasses; ++k)
      if (all || k == c) truth += truth_total[static_cast<std::size_t>(k)];
    row += " " + pad(c == kClasses + 1 ? "" : fmt(static_cast<double>(truth)), 12);
    for (std::size_t e = 0; e < 4; ++e) {
      Recall sum;
      for (int k = 0; k < kClasses; ++k)
        if (all || k == c) sum.add(recall[e][static_cast<std::size_t>(k)]);
      std::string cell =
          (c == kClasses + 1 ? percent_down(sum.query_recall_sum, static_cast<double>(sum.queries))
                             : percent_down(static_cast<double>(sum.found_true),
                                            static_cast<double>(sum.truth))) +
          " (" + std::to_string(sum.queries_missing) + ")";
      row += " " + pad(cell, 15);
    }
    std::printf("%s\n", row.c_str());
  }
  {
    std::string found = "  documents found (all queries): ";
    const char* names[] = {"ours", "unicode61", "trigram", "plain scan"};
    for (std::size_t e = 0; e < 4; ++e) {
      std::uint64_t f = 0;
      for (const auto& x : recall[e]) f += x.found;
      found += std::string(e ? ", " : "") + names[e] + " " + fmt(static_cast<double>(f));
    }
    std::printf("%s\n", found.c_str());
  }
  std::printf(
      "  goal: ours 100%%. SearchResult.total differed from ours' match set in %zu of %zu "
      "queries\n"
      "  (for a query with more matches than search() counts: exceeded it)\n",
      total_mismatches, qs.size());

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf(
      "\nrun       %.1f s in all: recall pass %.1f s (truth scans %.1f s), timed pass %.1f s; %zu "
      "facet rows returned, %zu\n"
      "          documents found by the timed plain scans; ours' first search() (reads "
      "search_docs): %.0f ms\n",
      seconds_since(run_start), t_recall, t_truth, t_latency, facet_rows, plain_found,
      first_search_ms);
  std::printf("          peak RSS %s (the plain scan's text: %s)\n",
              mib(static_cast<double>(ru.ru_maxrss)).c_str(),
              mib(static_cast<double>(plain.buffer.size()) / 1024).c_str());
  std::printf("load avg  %s at end\n", jz::bench::load_average().c_str());
  cleanup();
  return 0;
}
