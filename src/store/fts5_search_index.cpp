#include "store/fts5_search_index.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <tuple>
#include <unordered_set>

#include "core/record_json.hpp"
#include "search/fold.hpp"
#include "search/pinyin.hpp"
#include "search/search_document.hpp"
#include "search/tokenize_ahead.hpp"
#include "search/tokenizer.hpp"
#include "store/fts5_tokenizer.hpp"
#include "store/search_doc_table.hpp"

namespace jz::store {

const char* const kSearchSchemaSql = R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(names, pinyin, title, body, tokenize = 'jianzheng');
-- Pending terms are written out every 64 MB instead of every 1 MB, and segments are merged
-- 16 at a time instead of 4: a bulk import writes and rewrites less (1.36 times the indexing
-- rate at 300,000 records, docs/BENCHMARKS.md), for a little more reading per query.
INSERT INTO search_text (search_text, rank) VALUES ('hashsize', 67108864);
INSERT INTO search_text (search_text, rank) VALUES ('automerge', 16);
INSERT INTO search_text (search_text, rank) VALUES ('crisismerge', 64);
-- The same names, pinyin and titles again, alone: the matches there rank first, and here
-- they cost what they are, not what the whole text matches. Contentless: the text is in
-- search_text, whose row gives the values a delete needs.
CREATE VIRTUAL TABLE search_head USING fts5(names, pinyin, title, tokenize = 'jianzheng',
                                            content = '');
INSERT INTO search_head (search_head, rank) VALUES ('hashsize', 67108864);
INSERT INTO search_head (search_head, rank) VALUES ('automerge', 16);
INSERT INTO search_head (search_head, rank) VALUES ('crisismerge', 64);
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,          -- '' once removed: the removal keeps its generation
  facets TEXT NOT NULL,        -- encode_search_facets()
  generation INTEGER NOT NULL  -- of the last change: what SearchDocTable::refresh() reads
) STRICT;
CREATE INDEX search_docs_by_generation ON search_docs (generation);
)sql";

namespace {

// "liuxiaobo" -> pinyin : "liu xiao bo"; nothing when no word of the term splits into
// syllables other than itself: the term as typed already matches the pinyin column, and
// "liu" OR pinyin : "liu" would read the same long doclist twice.
std::vector<std::string> pinyin_alternatives(std::string_view text) {
  std::string folded = search::fold(text);
  std::vector<std::string> words;
  std::istringstream in(folded);
  for (std::string w; in >> w;) words.push_back(w);
  std::vector<std::vector<std::vector<std::string>>> splits;
  std::size_t most = 0;  // alternatives: as many as the word with the most splits has
  for (const auto& w : words) {
    splits.push_back(search::pinyin_splits(w));
    most = std::max(most, splits.back().size());
  }
  std::vector<std::string> out;
  for (std::size_t k = 0; k < most; ++k) {
    std::string alt;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const auto& s = splits[i];
      std::vector<std::string> syllables =
          s.empty() ? std::vector<std::string>{words[i]} : s[k < s.size() ? k : 0];
      for (const auto& syllable : syllables) alt += (alt.empty() ? "" : " ") + syllable;
    }
    out.push_back(alt);
  }
  std::string as_typed;
  for (const auto& w : words) as_typed += (as_typed.empty() ? "" : " ") + w;
  std::erase(out, as_typed);
  return out;
}

std::string term_expression(const search::QueryTerm& term) {
  // Documents hold a character as the first half of a bigram unless it ends a run, so a
  // phrase that ends in a lone character matches it as a prefix: "霞" * finds 霞 and 霞光.
  std::string plain =
      fts5_string(term.text) + (search::ends_in_lone_ideograph(term.text) ? " *" : "");
  std::string out = term.names_only ? "{names pinyin} : " + plain : plain;
  for (const auto& alt : pinyin_alternatives(term.text)) out += " OR pinyin : " + fts5_string(alt);
  return "(" + out + ")";
}

// A query's terms to find and terms to exclude, each part "" when it has none.
struct MatchParts {
  std::string positive, negative;
  std::string with(const std::string& positive_part) const {
    if (positive.empty()) return "";
    return negative.empty() ? positive_part : "(" + positive_part + ")" + negative;
  }
};

MatchParts match_parts(const search::Query& query) {
  MatchParts parts;
  for (const auto& term : query.terms) {
    if (term.exclude) {
      parts.negative += " NOT " + term_expression(term);
    } else {
      parts.positive += (parts.positive.empty() ? "" : " AND ") + term_expression(term);
    }
  }
  return parts;
}

// A "year" facet's value as a number (search_document writes std::to_string(year)).
int year_of(const std::string& value) {
  int year = 0;
  std::from_chars(value.data(), value.data() + value.size(), year);
  return year;
}

// A request's filters over the table: a document passes when its kind is each kind asked
// for and, for each other filter, one of its facets is in that filter's set.
class Acceptor {
 public:
  using Id = SearchDocTable::Id;

  Acceptor(const SearchDocTable& docs, const search::SearchRequest& request) : docs_(docs) {
    for (const auto& f : request.filters) {
      if (f.name == "kind") {
        kinds_.push_back(docs.find_kind(f.value).value_or(~Id{0}));  // unknown: none passes
      } else {
        add_set([&](const Facet& x) { return x == f; });
      }
    }
    if (request.year_from || request.year_to) {
      int lo = request.year_from ? request.year_from : 1;
      int hi = request.year_to ? request.year_to : 9999;
      add_set([&](const Facet& x) {
        return x.name == "year" && year_of(x.value) >= lo && year_of(x.value) <= hi;
      });
    }
  }

  bool operator()(std::int64_t rowid) const {
    if (!docs_.live(rowid)) return false;
    for (Id k : kinds_)
      if (docs_.kind(rowid) != k) return false;
    for (const auto& set : sets_) {
      bool any = false;
      for (Id f : docs_.facets(rowid)) any = any || set[f];
      if (!any) return false;
    }
    return true;
  }

 private:
  template <class Pred>
  void add_set(Pred in) {
    std::vector<bool> set(docs_.facet_count());
    for (Id f = 0; f < set.size(); ++f) set[f] = in(docs_.facet(f));
    sets_.push_back(std::move(set));
  }

  const SearchDocTable& docs_;
  std::vector<Id> kinds_;
  std::vector<std::vector<bool>> sets_;
};

// The total and the facet counts of the documents added.
class Tally {
 public:
  explicit Tally(const SearchDocTable& docs)
      : docs_(docs), kinds_(docs.kind_count()), facets_(docs.facet_count() * docs.kind_count()) {}

  void add(std::int64_t rowid) {
    ++total_;
    auto kind = docs_.kind(rowid);
    ++kinds_[kind];
    for (auto f : docs_.facets(rowid)) ++facets_[f * kinds_.size() + kind];
  }

  void into(search::SearchResult& result) const {
    result.total = total_;
    std::vector<search::FacetCount> kinds, facets;
    for (std::size_t k = 0; k < kinds_.size(); ++k) {
      if (kinds_[k]) kinds.push_back({"kind", "", docs_.kind_name(static_cast<Id>(k)), kinds_[k]});
      for (std::size_t f = 0; f < docs_.facet_count(); ++f) {
        std::int64_t n = facets_[f * kinds_.size() + k];
        const Facet& facet = docs_.facet(static_cast<Id>(f));
        if (n) facets.push_back({facet.name, docs_.kind_name(static_cast<Id>(k)), facet.value, n});
      }
    }
    std::sort(kinds.begin(), kinds.end(),
              [](const auto& a, const auto& b) { return a.value < b.value; });
    // Most first, then by name, kind and value.
    std::sort(facets.begin(), facets.end(), [](const auto& a, const auto& b) {
      return std::tie(b.count, a.name, a.kind, a.value) <
             std::tie(a.count, b.name, b.kind, b.value);
    });
    result.facets = std::move(kinds);
    result.facets.insert(result.facets.end(), facets.begin(), facets.end());
  }

 private:
  using Id = SearchDocTable::Id;
  const SearchDocTable& docs_;
  std::int64_t total_ = 0;
  std::vector<std::int64_t> kinds_;
  std::vector<std::int64_t> facets_;  // by facet * kinds + kind
};

// Steps a statement whose first column is the rowid, in rowid order, until `take` returns
// false; true when the statement ran to its end.
template <class Take>
Result<bool> walk(Statement& statement, Take&& take) {
  Status s;
  bool more = false;
  while ((more = statement.step(&s)))
    if (!take(statement)) break;
  statement.reset();
  if (!s) return s;
  return !more;
}

// SQL jz_rank_wanted(): the bool its registration points at. One index per connection
// registers it (a second would take it over).
void rank_wanted(sqlite3_context* context, int, sqlite3_value**) {
  sqlite3_result_int(context, *static_cast<const bool*>(sqlite3_user_data(context)) ? 1 : 0);
}

class Fts5SearchIndex final : public search::SearchIndex {
 public:
  // put_many() tokenizes on a second thread from this many documents on.
  static constexpr std::size_t kTokenizeAheadFrom = 16;

  Fts5SearchIndex(Database& db, SearchLimits limits) : db_(db), limits_(limits) {
    limits_.ranked = std::max<std::size_t>(limits_.ranked, 1);
  }

  Status prepare() {
    // While the walk wants bm25, jz_rank_wanted() is 1 and the rank column is computed.
    if (sqlite3_create_function_v2(db_.handle(), "jz_rank_wanted", 0, SQLITE_UTF8, &rank_wanted_,
                                   rank_wanted, nullptr, nullptr, nullptr) != SQLITE_OK)
      return Status::internal("registering jz_rank_wanted: " + db_.error());
    JZ_RETURN_IF_ERROR(db_.prepare_all({
        {&find_, "SELECT rowid, kind FROM search_docs WHERE id = ?1"},
        {&id_of_, "SELECT id FROM search_docs WHERE rowid = ?1"},
        {&next_generation_, "SELECT coalesce(max(generation), 0) + 1 FROM search_docs"},
        {&add_doc_,
         "INSERT INTO search_docs (id, kind, facets, generation) VALUES (?1, ?2, ?3, ?4)"},
        {&set_doc_,
         "UPDATE search_docs SET kind = ?2, facets = ?3, generation = ?4 WHERE rowid = ?1"},
        {&add_text_,
         "INSERT INTO search_text (rowid, names, pinyin, title, body) VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&drop_text_, "DELETE FROM search_text WHERE rowid = ?1"},
        {&add_head_,
         "INSERT INTO search_head (rowid, names, pinyin, title) VALUES (?1, ?2, ?3, ?4)"},
        // search_head is contentless: its delete takes the values from search_text's row.
        {&drop_head_,
         "INSERT INTO search_head (search_head, rowid, names, pinyin, title) "
         "SELECT 'delete', rowid, names, pinyin, title FROM search_text WHERE rowid = ?1"},
        {&head_ranked_,
         "SELECT rowid, jz_rank(search_head, 10.0, 6.0, 4.0) FROM search_head "
         "WHERE search_head MATCH ?1 ORDER BY rowid ASC"},
        {&matches_, "SELECT 1 FROM search_text WHERE search_text MATCH ?1 AND rowid = ?2"},
        {&walk_,
         "SELECT rowid, CASE WHEN jz_rank_wanted() THEN jz_rank(search_text, 10.0, 6.0, 4.0, 1.0) "
         "END FROM search_text "
         "WHERE search_text MATCH ?1 ORDER BY rowid ASC"},
    }));
    return docs_.prepare(db_);
  }

  Status put(const search::SearchDocument& doc) override {
    auto generation = next_generation();
    if (!generation) return generation.status();
    return write_document(doc, *generation);
  }

  Status put_many(std::span<const search::SearchDocument> docs) override {
    // For a few, starting a thread costs more than it saves.
    if (docs.size() < kTokenizeAheadFrom) return SearchIndex::put_many(docs);
    // Each put() takes the next generation; so do these, without asking each time.
    auto generation = next_generation();
    if (!generation) return generation.status();
    search::TokenizeAhead ahead(docs);
    for (std::size_t k = 0; k < docs.size(); ++k) {
      ReplayTerms replay(ahead.texts(k));
      JZ_RETURN_IF_ERROR(write_document(docs[k], *generation + static_cast<std::int64_t>(k)));
    }
    return Status::ok();
  }

  Status remove(std::string_view id) override {
    auto existing = find(id);
    if (!existing) return existing.status();
    if (!existing->live) return Status::ok();
    auto generation = next_generation();
    if (!generation) return generation.status();
    JZ_RETURN_IF_ERROR(drop_terms(existing->rowid));
    docs_.mark_stale();
    set_doc_.bind(1, existing->rowid).bind(2, "").bind(3, "");
    return set_doc_.bind(4, *generation).run();
  }

  Result<search::SearchResult> search(const search::SearchRequest& request) override {
    JZ_RETURN_IF_ERROR(docs_.refresh());
    Acceptor accept(docs_, request);
    Tally tally(docs_);
    std::vector<std::int64_t> order;  // the hits in order, as far as the page asked for
    auto wanted = static_cast<std::size_t>(std::max<std::int64_t>(request.offset, 0) +
                                           std::max<std::int64_t>(request.limit, 0));
    bool complete = true;

    MatchParts parts = match_parts(request.query);
    if (parts.positive.empty()) {
      // Filters alone: every document they accept, in the order they were first indexed.
      for (std::int64_t row = 1; row < docs_.end(); ++row) {
        if (!accept(row)) continue;
        tally.add(row);
        if (order.size() < wanted) order.push_back(row);
      }
    } else {
      auto ordered = rank_and_count(parts, accept, tally, wanted);
      if (!ordered) return ordered.status();
      complete = ordered->second;
      order = std::move(ordered->first);
    }

    search::SearchResult result;
    tally.into(result);
    result.complete = complete;
    for (std::size_t i = static_cast<std::size_t>(std::max<std::int64_t>(request.offset, 0));
         i < order.size() && i < wanted; ++i) {
      id_of_.bind(1, order[i]);
      Status s;
      if (id_of_.step(&s))
        result.hits.push_back({id_of_.text(0), docs_.kind_name(docs_.kind(order[i]))});
      id_of_.reset();
      JZ_RETURN_IF_ERROR(s);
    }
    return result;
  }

 private:
  struct Scored {
    std::int64_t rowid;
    double score;  // bm25 as FTS5's rank gives it: lower is better
  };
  struct Existing {
    std::int64_t rowid = 0;  // 0: never indexed
    bool live = false;
  };

  // The first `ranked` matches in names, pinyin or title that the filters accept, with their
  // bm25, from search_head: there they cost what they are, not what the whole text matches.
  Result<std::vector<Scored>> head_matches(const MatchParts& parts, const std::string& match,
                                           const Acceptor& accept) {
    std::vector<Scored> head;
    head_ranked_.bind(1, parts.positive);
    auto done = walk(head_ranked_, [&](Statement& row) {
      std::int64_t rowid = row.integer(0);
      if (accept(rowid)) head.push_back({rowid, row.real(1)});
      return head.size() < limits_.ranked;
    });
    if (!done) return done.status();
    if (parts.negative.empty()) return head;
    // An excluded word may be in the body, which search_head does not hold.
    std::vector<Scored> kept;
    for (const Scored& h : head) {
      matches_.bind(1, match).bind(2, h.rowid);
      Status s;
      if (matches_.step(&s)) kept.push_back(h);
      matches_.reset();
      JZ_RETURN_IF_ERROR(s);
    }
    return kept;
  }

  // The matches in order, at least `wanted` of them when there are, and whether every match
  // was counted. When no more than `ranked` match, all of them by bm25 (names 10, pinyin 6,
  // titles 4, body 1). Else first the matches in names, pinyin or title (the first `ranked`
  // of them in rowid order, by bm25), then the others (the first `ranked` of all matches, by
  // bm25), then the rest in rowid order: the order records were first indexed. (FTS5 walks
  // rowids upwards faster: 2.8 against 3.8 ms p50 at 300,000 records, docs/BENCHMARKS.md.)
  // Bounding the ranked and counted matches bounds the work for a query that matches most
  // records (one character, a phrase of the law): bm25 and a sort of 600,000 matches took up
  // to a second at 1M records.
  Result<std::pair<std::vector<std::int64_t>, bool>> rank_and_count(const MatchParts& parts,
                                                                    const Acceptor& accept,
                                                                    Tally& tally,
                                                                    std::size_t wanted) {
    std::vector<Scored> head, rest;
    std::string match = parts.with(parts.positive);
    // One walk over all matches: bm25 for the first `ranked` the filters accept, then only
    // the rowids (jz_rank_wanted() turns the rank column off), so that a prefix query's
    // doclists are merged once.
    std::vector<std::int64_t> walked;  // accepted matches, in rowid order
    std::size_t enough = std::max(limits_.counted, wanted);
    rank_wanted_ = true;
    walk_.bind(1, match);
    auto complete = walk(walk_, [&](Statement& row) {
      std::int64_t rowid = row.integer(0);
      if (!accept(rowid)) return true;
      walked.push_back(rowid);
      if (rank_wanted_) {
        rest.push_back({rowid, row.real(1)});
        rank_wanted_ = rest.size() < limits_.ranked;
      }
      return walked.size() < enough;
    });
    if (!complete) return complete.status();
    if (walked.size() > rest.size()) {
      auto found = head_matches(parts, match, accept);
      if (!found) return found.status();
      head = std::move(*found);
    }
    for (std::int64_t rowid : walked) tally.add(rowid);
    // Without a complete walk, a ranked name match can lie beyond the counted ones.
    for (const Scored& h : head)
      if (!std::binary_search(walked.begin(), walked.end(), h.rowid)) tally.add(h.rowid);

    auto better = [](const Scored& a, const Scored& b) {
      return a.score != b.score ? a.score < b.score : a.rowid > b.rowid;
    };
    std::sort(head.begin(), head.end(), better);
    std::sort(rest.begin(), rest.end(), better);
    std::vector<std::int64_t> order;
    std::unordered_set<std::int64_t> placed;
    for (const Scored& h : head) {
      order.push_back(h.rowid);
      placed.insert(h.rowid);
    }
    for (const Scored& r : rest)
      if (placed.insert(r.rowid).second) order.push_back(r.rowid);
    for (std::size_t i = rest.size(); i < walked.size() && order.size() < wanted; ++i)
      if (!placed.count(walked[i])) order.push_back(walked[i]);
    return std::pair{std::move(order), *complete};
  }

  // Writes `doc` under `generation`: the row in search_docs, then both FTS5 tables.
  Status write_document(const search::SearchDocument& doc, std::int64_t generation) {
    auto existing = find(doc.id);
    if (!existing) return existing.status();
    std::string facets = encode_search_facets(doc.facets);
    std::int64_t row = existing->rowid;
    if (row) {
      JZ_RETURN_IF_ERROR(drop_terms(row));
      set_doc_.bind(1, row).bind(2, doc.kind).bind(3, facets);
      JZ_RETURN_IF_ERROR(set_doc_.bind(4, generation).run());
    } else {
      add_doc_.bind(1, doc.id).bind(2, doc.kind).bind(3, facets);
      JZ_RETURN_IF_ERROR(add_doc_.bind(4, generation).run());
      row = sqlite3_last_insert_rowid(db_.handle());
    }
    docs_.mark_stale();
    add_head_.bind(1, row).bind(2, doc.names).bind(3, doc.pinyin).bind(4, doc.title);
    JZ_RETURN_IF_ERROR(add_head_.run());
    add_text_.bind(1, row).bind(2, doc.names).bind(3, doc.pinyin).bind(4, doc.title);
    return add_text_.bind(5, doc.body).run();
  }

  // Removes a document's terms from both FTS5 tables: search_head first, as its delete
  // reads search_text.
  Status drop_terms(std::int64_t row) {
    JZ_RETURN_IF_ERROR(drop_head_.bind(1, row).run());
    return drop_text_.bind(1, row).run();
  }

  Result<Existing> find(std::string_view id) {
    find_.bind(1, id);
    Status s;
    Existing found;
    if (find_.step(&s)) found = {find_.integer(0), !find_.text_view(1).empty()};
    find_.reset();
    if (!s) return s;
    return found;
  }

  Result<std::int64_t> next_generation() {
    Status s;
    std::int64_t next = next_generation_.step(&s) ? next_generation_.integer(0) : 0;
    next_generation_.reset();
    if (!s) return s;
    return next;
  }

  Database& db_;
  SearchLimits limits_;
  SearchDocTable docs_;
  Statement find_, id_of_, next_generation_, add_doc_, set_doc_, add_text_, drop_text_, add_head_,
      drop_head_, head_ranked_, walk_, matches_;
  bool rank_wanted_ = false;
};

}  // namespace

std::string fts5_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string fts5_match_expression(const search::Query& query) {
  MatchParts parts = match_parts(query);
  return parts.with(parts.positive);
}

Result<std::unique_ptr<search::SearchIndex>> open_fts5_search_index(Database& db,
                                                                    SearchLimits limits) {
  auto index = std::make_unique<Fts5SearchIndex>(db, limits);
  JZ_RETURN_IF_ERROR(index->prepare());
  return std::unique_ptr<search::SearchIndex>(std::move(index));
}

Status create_search_index(Database& db) {
  JZ_RETURN_IF_ERROR(db.exec(kSearchSchemaSql));
  return index_public_records(db);
}

Status index_public_records(Database& db) {
  auto index = open_fts5_search_index(db);
  if (!index) return index.status();
  auto q = db.prepare("SELECT body FROM records WHERE visibility = 'public'");
  if (!q) return q.status();
  Status s;
  while (q->step(&s)) {
    auto record = parse_record(q->text_view(0));
    if (!record) return record.status().prefixed("indexing for search: ");
    auto doc = search::search_document(*record);
    if (!doc) return doc.status();
    if (*doc) JZ_RETURN_IF_ERROR((*index)->put(**doc));
  }
  return s;
}

}  // namespace jz::store
