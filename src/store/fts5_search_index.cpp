#include "store/fts5_search_index.hpp"

#include <algorithm>
#include <sstream>

#include "core/record_json.hpp"
#include "search/fold.hpp"
#include "search/pinyin.hpp"
#include "search/search_document.hpp"

namespace jz::store {

const char* const kSearchSchemaSql = R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(names, pinyin, title, body, tokenize = 'jianzheng');
INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 1.0)');
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
) STRICT;
CREATE TABLE search_facets (
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  doc INTEGER NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (name, value, doc)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_facets_by_doc ON search_facets (doc);
)sql";

namespace {

// "liuxiaobo" -> pinyin : "liu xiao bo"; nothing when no word of the term splits into
// syllables (a term of single syllables already matches the pinyin column as it is).
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
  return out;
}

std::string term_expression(const search::QueryTerm& term) {
  std::string plain = fts5_string(term.text);
  std::string out = term.names_only ? "{names pinyin} : " + plain : plain;
  for (const auto& alt : pinyin_alternatives(term.text)) out += " OR pinyin : " + fts5_string(alt);
  return "(" + out + ")";
}

class Fts5SearchIndex final : public search::SearchIndex {
 public:
  explicit Fts5SearchIndex(Database& db) : db_(db) {}

  Status prepare() {
    auto p = [&](Statement& s, const char* sql) -> Status {
      auto r = db_.prepare(sql);
      if (!r) return r.status();
      s = std::move(*r);
      return Status::ok();
    };
    JZ_RETURN_IF_ERROR(p(find_, "SELECT rowid FROM search_docs WHERE id = ?1"));
    JZ_RETURN_IF_ERROR(p(add_doc_, "INSERT INTO search_docs (id, kind) VALUES (?1, ?2)"));
    JZ_RETURN_IF_ERROR(p(set_kind_, "UPDATE search_docs SET kind = ?2 WHERE rowid = ?1"));
    JZ_RETURN_IF_ERROR(p(drop_doc_, "DELETE FROM search_docs WHERE rowid = ?1"));
    JZ_RETURN_IF_ERROR(p(add_text_,
                         "INSERT INTO search_text (rowid, names, pinyin, title, body) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)"));
    JZ_RETURN_IF_ERROR(p(drop_text_, "DELETE FROM search_text WHERE rowid = ?1"));
    JZ_RETURN_IF_ERROR(p(add_facet_,
                         "INSERT OR IGNORE INTO search_facets (name, value, doc, kind) "
                         "VALUES (?1, ?2, ?3, ?4)"));
    JZ_RETURN_IF_ERROR(p(drop_facets_, "DELETE FROM search_facets WHERE doc = ?1"));
    return Status::ok();
  }

  Status put(const search::SearchDocument& doc) override {
    auto existing = find(doc.id);
    if (!existing) return existing.status();
    std::int64_t row = *existing;
    if (row) {
      JZ_RETURN_IF_ERROR(drop_text_.bind(1, row).run());
      JZ_RETURN_IF_ERROR(drop_facets_.bind(1, row).run());
      JZ_RETURN_IF_ERROR(set_kind_.bind(1, row).bind(2, doc.kind).run());
    } else {
      JZ_RETURN_IF_ERROR(add_doc_.bind(1, doc.id).bind(2, doc.kind).run());
      row = sqlite3_last_insert_rowid(db_.handle());
    }
    add_text_.bind(1, row).bind(2, doc.names).bind(3, doc.pinyin).bind(4, doc.title);
    JZ_RETURN_IF_ERROR(add_text_.bind(5, doc.body).run());
    for (const auto& f : doc.facets)
      JZ_RETURN_IF_ERROR(
          add_facet_.bind(1, f.name).bind(2, f.value).bind(3, row).bind(4, doc.kind).run());
    return Status::ok();
  }

  Status remove(std::string_view id) override {
    auto row = find(id);
    if (!row) return row.status();
    if (!*row) return Status::ok();
    JZ_RETURN_IF_ERROR(drop_text_.bind(1, *row).run());
    JZ_RETURN_IF_ERROR(drop_facets_.bind(1, *row).run());
    return drop_doc_.bind(1, *row).run();
  }

  Result<search::SearchResult> search(const search::SearchRequest& request) override {
    std::string match = fts5_match_expression(request.query);
    // The matching documents as a FROM/WHERE both queries below share: ?1 is the match.
    std::string from = match.empty() ? " FROM search_docs d WHERE 1"
                                     : " FROM search_text t JOIN search_docs d ON d.rowid = t.rowid"
                                       " WHERE search_text MATCH ?1";
    std::vector<std::string> params;
    auto param = [&](const std::string& value) {
      params.push_back(value);
      return "?" + std::to_string(params.size() + 1);
    };
    for (const auto& f : request.filters) {
      if (f.name == "kind") {
        from += " AND d.kind = " + param(f.value);
      } else {
        std::string n = param(f.name);
        from +=
            " AND EXISTS (SELECT 1 FROM search_facets f WHERE f.doc = d.rowid AND f.name = " + n +
            " AND f.value = " + param(f.value) + ")";
      }
    }
    if (request.year_from || request.year_to) {
      std::string lo = param(year_text(request.year_from ? request.year_from : 1));
      std::string hi = param(year_text(request.year_to ? request.year_to : 9999));
      from +=
          " AND EXISTS (SELECT 1 FROM search_facets y WHERE y.doc = d.rowid AND y.name = "
          "'year' AND y.value BETWEEN " +
          lo + " AND " + hi + ")";
    }
    auto bind_all = [&](Statement& s) {
      s.bind(1, match);
      for (std::size_t i = 0; i < params.size(); ++i) s.bind(static_cast<int>(i) + 2, params[i]);
    };

    search::SearchResult result;
    std::string order = match.empty() ? " ORDER BY d.kind, d.id" : " ORDER BY t.rank, d.id";
    auto hits =
        db_.prepare("SELECT d.id, d.kind" + from + order + " LIMIT " +
                    std::to_string(request.limit) + " OFFSET " + std::to_string(request.offset));
    if (!hits) return hits.status();
    bind_all(*hits);
    Status s;
    while (hits->step(&s)) result.hits.push_back({hits->text(0), hits->text(1)});
    if (!s) return s;

    auto kinds = db_.prepare("SELECT d.kind, count(*)" + from + " GROUP BY d.kind");
    if (!kinds) return kinds.status();
    bind_all(*kinds);
    while (kinds->step(&s)) {
      result.total += kinds->integer(1);
      result.facets.push_back({"kind", "", kinds->text(0), kinds->integer(1)});
    }
    if (!s) return s;

    auto facets = db_.prepare(
        "SELECT g.name, g.kind, g.value, count(*) FROM search_facets g WHERE g.doc IN (SELECT "
        "d.rowid" +
        from + ") GROUP BY g.name, g.kind, g.value ORDER BY 4 DESC, 1, 2, 3");
    if (!facets) return facets.status();
    bind_all(*facets);
    while (facets->step(&s))
      result.facets.push_back(
          {facets->text(0), facets->text(1), facets->text(2), facets->integer(3)});
    if (!s) return s;
    return result;
  }

 private:
  static std::string year_text(int year) {
    std::string y = std::to_string(year);
    return std::string(y.size() < 4 ? 4 - y.size() : 0, '0') + y;
  }

  Result<std::int64_t> find(std::string_view id) {
    find_.bind(1, id);
    Status s;
    std::int64_t row = find_.step(&s) ? find_.integer(0) : 0;
    find_.reset();
    if (!s) return s;
    return row;
  }

  Database& db_;
  Statement find_, add_doc_, set_kind_, drop_doc_, add_text_, drop_text_, add_facet_, drop_facets_;
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
  std::string positive, negative;
  for (const auto& term : query.terms) {
    if (term.exclude) {
      negative += " NOT " + term_expression(term);
    } else {
      positive += (positive.empty() ? "" : " AND ") + term_expression(term);
    }
  }
  if (positive.empty()) return "";
  return negative.empty() ? positive : "(" + positive + ")" + negative;
}

Result<std::unique_ptr<search::SearchIndex>> open_fts5_search_index(Database& db) {
  auto index = std::make_unique<Fts5SearchIndex>(db);
  JZ_RETURN_IF_ERROR(index->prepare());
  return std::unique_ptr<search::SearchIndex>(std::move(index));
}

Status index_all_search(Database& db) {
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
