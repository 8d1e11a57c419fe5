#include "web/mirror_changes.hpp"

#include <unordered_set>

#include "core/facets.hpp"
#include "core/record_json.hpp"

namespace jz::web {
namespace {

constexpr std::int64_t kBatch = 1000;

// Walks the revisions newest first until `stop` returns true; false when they ran out.
Result<bool> walk_back(store::Store& store,
                       const std::function<bool(const store::Revision&)>& stop) {
  for (std::int64_t offset = 0;; offset += kBatch) {
    auto batch = store.recent_revisions(offset, kBatch);
    if (!batch) return batch.status();
    for (const auto& r : *batch)
      if (stop(r)) return true;
    if (static_cast<std::int64_t>(batch->size()) < kBatch) return false;
  }
}

// Whether a change can move the record into, out of or within a list: it is new since
// `since`, or its visibility, slug or facets changed. Any other change (a name, a note)
// reaches only the pages that show the record, which noted its id.
Result<bool> moves_in_lists(store::Store& store, const Record& now, std::int64_t since) {
  auto revisions = store.history(now.id);
  if (!revisions) return revisions.status();
  const store::Revision* then = nullptr;
  for (const auto& r : *revisions)
    if (r.seq <= since) then = &r;
  if (!then) return true;
  auto before = parse_record(then->snapshot);
  if (!before) return before.status();
  if (before->visibility != now.visibility || before->slug != now.slug) return true;
  auto facets_before = public_facets(*before);
  if (!facets_before) return facets_before.status();
  auto facets_now = public_facets(now);
  if (!facets_now) return facets_now.status();
  return *facets_before != *facets_now;
}

}  // namespace

Result<std::string> revision_hash(store::Store& store, std::int64_t generation) {
  std::string hash;
  auto found = walk_back(store, [&](const store::Revision& r) {
    if (r.seq > generation) return false;
    if (r.seq == generation) hash = r.hash;
    return true;
  });
  if (!found) return found.status();
  return hash;
}

Result<std::optional<StringSet>> changed_reads(store::Store& store, std::int64_t since,
                                               const std::string& since_hash) {
  std::unordered_set<std::string> ids;
  bool same_chain = false;
  auto found = walk_back(store, [&](const store::Revision& r) {
    if (r.seq > since) {
      ids.insert(r.record_id);
      return false;
    }
    same_chain = r.seq == since && r.hash == since_hash;
    return true;
  });
  if (!found) return found.status();
  if (!*found) same_chain = since == 0 && since_hash.empty();  // it was empty then
  if (!same_chain) return std::optional<StringSet>();

  StringSet keys;
  if (!ids.empty()) keys.insert("u:*");
  for (const auto& id : ids) {
    keys.insert("r:" + id);
    auto record = store.get(id);
    if (!record) {
      if (record.status().code() != Code::kNotFound) return record.status();
      keys.insert("k:*");
      continue;
    }
    const std::string kind(record->kind());
    keys.insert("u:" + kind);
    for (const auto& to : record->references()) keys.insert("to:" + to);
    auto moves = moves_in_lists(store, *record, since);
    if (!moves) return moves.status();
    if (*moves) {
      keys.insert("k:" + kind);
      keys.insert("k:*");
    }
  }
  return std::optional(std::move(keys));
}

}  // namespace jz::web
