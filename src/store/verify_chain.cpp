#include "store/verify_chain.hpp"

#include <algorithm>

#include "core/facets.hpp"
#include "core/record_json.hpp"
#include "search/search_document.hpp"
#include "store/revision_chain.hpp"
#include "store/search_doc_table.hpp"

namespace jz::store {
namespace {

constexpr std::size_t kMaxProblems = 100;

class Problems {
 public:
  explicit Problems(VerifyReport& report) : report_(report) {}
  void add(std::string p) {
    if (report_.problems.size() < kMaxProblems)
      report_.problems.push_back(std::move(p));
    else
      ++overflow_;
  }
  ~Problems() {
    if (overflow_)
      report_.problems.push_back("... and " + std::to_string(overflow_) + " more problems");
  }

 private:
  VerifyReport& report_;
  std::size_t overflow_ = 0;
};

std::string where(std::int64_t seq, const std::string& id, std::int64_t revision) {
  return "revision #" + std::to_string(seq) + " (record " + id + ", revision " +
         std::to_string(revision) + ")";
}

// 1. Walk the chain in order: every seq present, each linked to the one before, each hash
// matching its content.
Status check_chain(Database& db, VerifyReport& report, Problems& problems) {
  auto q = db.prepare("SELECT " JZ_REVISION_COLUMNS " FROM revisions ORDER BY seq");
  if (!q) return q.status();
  std::int64_t expected = 1;
  std::string prev_hash;
  Status s;
  while (q->step(&s)) {
    Revision r = read_revision(*q);
    ++report.revisions_checked;
    if (r.seq != expected)
      problems.add((r.seq - 1 == expected ? "revision #" + std::to_string(expected) + " is"
                                          : "revisions #" + std::to_string(expected) + " to #" +
                                                std::to_string(r.seq - 1) + " are") +
                   " missing: deleted from the history");
    else if (r.prev_hash != prev_hash)
      problems.add(where(r.seq, r.record_id, r.revision) +
                   " does not follow the revision before it: reordered, or an earlier revision "
                   "was rewritten");
    if (revision_hash(r) != r.hash)
      problems.add(where(r.seq, r.record_id, r.revision) +
                   " was altered: its content does not match its hash");
    expected = r.seq + 1;
    prev_hash = r.hash;
  }
  JZ_RETURN_IF_ERROR(s);
  report.head_hash = prev_hash;

  // 2. The head written at each commit must be the chain's last revision; a shorter chain
  // means revisions at the end were deleted.
  auto head = db.prepare("SELECT seq, hash FROM chain_head");
  if (!head) return head.status();
  std::int64_t last = expected - 1;
  if (head->step(&s)) {
    if (head->integer(0) != last || head->text(1) != prev_hash)
      problems.add("the history should end at revision #" + std::to_string(head->integer(0)) +
                   " but ends at #" + std::to_string(last) +
                   ": revisions at the end were deleted or the head was changed");
  } else if (last != 0) {
    problems.add("the record of the chain's last revision is missing");
  }
  return s;
}

// 3. Each record's revisions are numbered without gaps.
Status check_numbering(Database& db, Problems& problems) {
  auto q = db.prepare("SELECT record_id, revision FROM revisions ORDER BY record_id, revision");
  if (!q) return q.status();
  std::string id;
  std::int64_t last = 0;
  Status s;
  while (q->step(&s)) {
    std::string current = q->text(0);
    std::int64_t revision = q->integer(1);
    if (current == id && revision != last + 1)
      problems.add("record " + id + ": revision " + std::to_string(last + 1) +
                   (revision - last > 2 ? " to " + std::to_string(revision - 1) : "") +
                   " missing from the history");
    id = std::move(current);
    last = revision;
  }
  return s;
}

// 4. Each record's current content is its last revision's snapshot.
Status check_records(Database& db, VerifyReport& report, Problems& problems) {
  auto q = db.prepare(
      "SELECT r.id, r.revision, r.body = v.snapshot, v.snapshot IS NULL, "
      "(SELECT max(revision) FROM revisions WHERE record_id = r.id), "
      // The columns queries filter on (visibility above all) must say what the body says.
      "r.id IS json_extract(r.body, '$.id') AND r.kind IS json_extract(r.body, '$.kind') AND "
      "r.slug IS json_extract(r.body, '$.slug') AND "
      "r.visibility IS json_extract(r.body, '$.visibility') AND "
      "r.revision IS json_extract(r.body, '$.revision') AND "
      "r.created IS json_extract(r.body, '$.created') AND "
      "r.updated IS json_extract(r.body, '$.updated') "
      "FROM records r LEFT JOIN revisions v ON v.record_id = r.id AND v.revision = r.revision");
  if (!q) return q.status();
  Status s;
  while (q->step(&s)) {
    ++report.records_checked;
    std::string id = q->text(0);
    if (q->integer(3))
      problems.add("record " + id + ": its revision " + std::to_string(q->integer(1)) +
                   " is missing from the history");
    else if (!q->integer(2))
      problems.add("record " + id +
                   ": its current content differs from its last revision (changed outside "
                   "jianzheng)");
    if (!q->integer(5))
      problems.add("record " + id +
                   ": its id, kind, slug, visibility, revision or times differ from its content "
                   "(changed outside jianzheng)");
    if (q->integer(4) > q->integer(1))
      problems.add("record " + id + ": the history has revisions after the record's revision " +
                   std::to_string(q->integer(1)));
  }
  JZ_RETURN_IF_ERROR(s);

  auto orphans = db.prepare(
      "SELECT DISTINCT record_id FROM revisions v "
      "WHERE NOT EXISTS (SELECT 1 FROM records WHERE id = v.record_id)");
  if (!orphans) return orphans.status();
  while (orphans->step(&s))
    problems.add("record " + orphans->text(0) + " was deleted; only its history remains");
  return s;
}

// 5. The facets public lists filter on are what each record's public fields say: a row
// removed or added behind the store's back would hide a person from, or add one to, a list.
Status check_facets(Database& db, Problems& problems) {
  auto records = db.prepare("SELECT id, body FROM records ORDER BY id");
  auto rows = db.prepare("SELECT name, value FROM facets WHERE record_id = ?1");
  auto orphans = db.prepare(
      "SELECT DISTINCT record_id FROM facets f "
      "WHERE NOT EXISTS (SELECT 1 FROM records WHERE id = f.record_id)");
  if (!records) return records.status();
  if (!rows) return rows.status();
  if (!orphans) return orphans.status();
  Status s;
  while (records->step(&s)) {
    std::string id = records->text(0);
    auto record = parse_record(records->text_view(1));
    if (!record) continue;  // check_records reports a body that differs from its revision
    auto expected = public_facets(*record);
    if (!expected) continue;
    std::vector<Facet> stored;
    rows->bind(1, id);
    while (rows->step(&s)) stored.push_back({rows->text(0), rows->text(1)});
    rows->reset();
    JZ_RETURN_IF_ERROR(s);
    auto by_value = [](const Facet& a, const Facet& b) {
      return std::tie(a.name, a.value) < std::tie(b.name, b.value);
    };
    std::sort(expected->begin(), expected->end(), by_value);
    expected->erase(std::unique(expected->begin(), expected->end()), expected->end());
    std::sort(stored.begin(), stored.end(), by_value);
    if (stored != *expected)
      problems.add("record " + id +
                   ": its list filters (facets) differ from its content (changed outside "
                   "jianzheng)");
  }
  JZ_RETURN_IF_ERROR(s);
  while (orphans->step(&s))
    problems.add("facets of " + orphans->text(0) +
                 ", which does not exist (changed outside jianzheng)");
  return s;
}

// 6. The search index holds exactly each public record's search document: a row added
// behind the store's back could put hidden text where readers search, a row removed would
// hide a person from search.
Status check_search(Database& db, Problems& problems) {
  auto records = db.prepare("SELECT id, body FROM records ORDER BY id");
  auto stored = db.prepare(
      "SELECT t.names, t.pinyin, t.title, t.body, d.kind, d.facets FROM search_docs d "
      "JOIN search_text t ON t.rowid = d.rowid WHERE d.id = ?1 AND d.kind != ''");
  auto orphans = db.prepare(
      "SELECT d.id FROM search_docs d WHERE d.kind != '' AND NOT EXISTS (SELECT 1 FROM records "
      "r WHERE r.id = d.id AND r.visibility = 'public')");
  if (!records) return records.status();
  if (!stored) return stored.status();
  if (!orphans) return orphans.status();
  Status s;
  while (records->step(&s)) {
    std::string id = records->text(0);
    auto record = parse_record(records->text_view(1));
    if (!record) continue;  // check_records reports it
    auto expected = search::search_document(*record);
    if (!expected) continue;
    stored->bind(1, id);
    bool found = stored->step(&s);
    bool same =
        found && *expected && stored->text_view(0) == (*expected)->names &&
        stored->text_view(1) == (*expected)->pinyin && stored->text_view(2) == (*expected)->title &&
        stored->text_view(3) == (*expected)->body && stored->text_view(4) == (*expected)->kind &&
        stored->text_view(5) == encode_search_facets((*expected)->facets);
    stored->reset();
    JZ_RETURN_IF_ERROR(s);
    if (found != expected->has_value() || (found && !same))
      problems.add("record " + id +
                   ": its search index entry differs from its public content (changed "
                   "outside jianzheng)");
  }
  JZ_RETURN_IF_ERROR(s);
  while (orphans->step(&s))
    problems.add("search index entry for " + orphans->text(0) +
                 ", which is not a public record (changed outside jianzheng)");
  return s;
}

}  // namespace

Result<VerifyReport> verify_chain(Database& db) {
  VerifyReport report;
  {
    Problems problems(report);
    JZ_RETURN_IF_ERROR(check_chain(db, report, problems));
    JZ_RETURN_IF_ERROR(check_numbering(db, problems));
    JZ_RETURN_IF_ERROR(check_records(db, report, problems));
    JZ_RETURN_IF_ERROR(check_facets(db, problems));
    JZ_RETURN_IF_ERROR(check_search(db, problems));
  }
  return report;
}

}  // namespace jz::store
