#include "web/reads_recording_store.hpp"

#include <algorithm>
#include <limits>

#include "web/page_reads.hpp"

namespace jz::web {

std::optional<Record> SharedRecords::find(std::string_view id) const {
  std::shared_lock lock(mutex_);
  auto it = records_.find(id);
  if (it == records_.end()) return std::nullopt;
  return it->second;
}

void SharedRecords::add(const Record& record) {
  std::unique_lock lock(mutex_);
  if (records_.size() < capacity_) records_.emplace(record.id, record);
}

namespace {

// What identifies a list's order or counts: its kind, its filters and the rest, joined.
std::string list_key(std::string_view kind, std::string_view rest,
                     const std::vector<Facet>& filters) {
  std::string key(kind);
  key.append(1, '\0').append(rest);
  for (const auto& f : filters) key.append(1, '\0').append(f.name).append(1, '=').append(f.value);
  return key;
}

}  // namespace

Result<SharedLists::Ids> SharedLists::order(store::Store& reader, const store::ListQuery& query) {
  const std::string key =
      list_key(query.kind, query.order == store::ListQuery::Order::kSlug ? "slug" : "updated",
               query.filters);
  std::lock_guard lock(mutex_);
  if (auto it = orders_.find(key); it != orders_.end()) return it->second;
  store::ListQuery all = query;
  all.offset = 0;
  all.limit = std::numeric_limits<std::int64_t>::max();
  auto ids = reader.list_public_ids(all);
  if (!ids) return ids.status();
  return orders_.emplace(key, std::make_shared<const std::vector<std::string>>(std::move(*ids)))
      .first->second;
}

Result<SharedLists::Counts> SharedLists::facet_counts(store::Store& reader, std::string_view kind,
                                                      std::string_view name,
                                                      const std::vector<Facet>& filters) {
  const std::string key = list_key(kind, name, filters);
  std::lock_guard lock(mutex_);
  if (auto it = counts_.find(key); it != counts_.end()) return it->second;
  auto counts = reader.facet_counts(kind, name, filters);
  if (!counts) return counts.status();
  return counts_.emplace(key, std::move(*counts)).first->second;
}

Result<Record> ReadsRecordingStore::get(std::string_view id) {
  note_record(id);  // also when missing: creating it changes the page
  if (auto known = shared_.find(id)) return std::move(*known);
  auto record = reader_->get(id);
  if (record) shared_.add(*record);
  return record;
}

namespace {

// A list depends on which records it holds (the kind's key) and on what each shows.
void note_shown(const std::vector<Record>& records) {
  for (const auto& r : records) note_record(r.id);
}

}  // namespace

Result<std::vector<Record>> ReadsRecordingStore::list(std::string_view kind, std::int64_t offset,
                                                      std::int64_t limit) {
  note_list(kind);
  auto records = reader_->list(kind, offset, limit);
  if (records) note_shown(*records);
  return records;
}

Status ReadsRecordingStore::for_each(const std::function<Status(const Record&)>& fn) {
  note_change("");
  return reader_->for_each(fn);
}

Result<std::map<std::string, std::int64_t>> ReadsRecordingStore::count_by_kind() {
  note_list("");
  return reader_->count_by_kind();
}

Result<std::unique_ptr<store::Store>> ReadsRecordingStore::open(ReaderPool::Lease reader,
                                                                SharedRecords& shared,
                                                                SharedLists& lists) {
  JZ_RETURN_IF_ERROR(reader->hold_snapshot());
  return std::unique_ptr<store::Store>(new ReadsRecordingStore(std::move(reader), shared, lists));
}

// The reader goes back to its pool without the snapshot.
ReadsRecordingStore::~ReadsRecordingStore() {
  reader_->release_snapshot();
}

// A new referrer names `id` among its references; one that stops pointing here was returned,
// so it is noted as a record.
Result<std::vector<std::string>> ReadsRecordingStore::referrers(std::string_view id) {
  note_referrers(id);
  auto ids = reader_->referrers(id);
  if (ids)
    for (const auto& r : *ids) note_record(r);
  return ids;
}

Result<std::vector<store::Revision>> ReadsRecordingStore::history(std::string_view id) {
  note_record(id);
  return reader_->history(id);
}

Result<std::vector<store::Revision>> ReadsRecordingStore::recent_revisions(std::int64_t offset,
                                                                           std::int64_t limit) {
  note_change("");
  return reader_->recent_revisions(offset, limit);
}

Result<std::vector<std::string>> ReadsRecordingStore::non_public_ids() {
  note_list("");
  return reader_->non_public_ids();
}

namespace {

// Which records a list holds, and in what order: any change moves a record to the top of a
// list by latest change.
void note_order(const store::ListQuery& query) {
  if (query.order == store::ListQuery::Order::kRecentlyUpdated)
    note_change(query.kind);
  else
    note_list(query.kind);
}

// The [from, to) of a list of `total` that `query`'s offset and limit ask for.
std::pair<std::size_t, std::size_t> window(const store::ListQuery& query, std::int64_t total) {
  const auto from = std::clamp<std::int64_t>(query.offset, 0, total);
  const auto count = std::clamp<std::int64_t>(query.limit, 0, total - from);
  return {static_cast<std::size_t>(from), static_cast<std::size_t>(from + count)};
}

}  // namespace

Result<store::ListPage> ReadsRecordingStore::list_public(const store::ListQuery& query) {
  note_order(query);
  auto ids = lists_.order(*reader_, query);
  if (!ids) return ids.status();
  store::ListPage page;
  page.total = static_cast<std::int64_t>((*ids)->size());
  const auto [from, to] = window(query, page.total);
  for (std::size_t i = from; i < to; ++i) {
    auto record = get((**ids)[i]);  // notes the record, as a list shows it
    if (!record) return record.status();
    page.records.push_back(std::move(*record));
  }
  return page;
}

// From the export's shared order too: pages that walk a whole kind (each_public) ask for the
// same list again and again (the priorities, the calendar, the violations in each language).
Result<std::vector<std::string>> ReadsRecordingStore::list_public_ids(
    const store::ListQuery& query) {
  note_order(query);
  auto ids = lists_.order(*reader_, query);
  if (!ids) return ids.status();
  const auto [from, to] = window(query, static_cast<std::int64_t>((*ids)->size()));
  return std::vector<std::string>((*ids)->begin() + static_cast<std::ptrdiff_t>(from),
                                  (*ids)->begin() + static_cast<std::ptrdiff_t>(to));
}

Result<std::vector<std::pair<std::string, std::int64_t>>> ReadsRecordingStore::facet_counts(
    std::string_view kind, std::string_view name, const std::vector<Facet>& filters) {
  note_list(kind);
  return lists_.facet_counts(*reader_, kind, name, filters);
}

Result<std::map<std::string, std::int64_t>> ReadsRecordingStore::count_public_by_kind() {
  note_list("");
  return reader_->count_public_by_kind();
}

Result<search::SearchResult> ReadsRecordingStore::search(const search::SearchRequest& request) {
  note_change("");
  return reader_->search(request);
}

Result<std::int64_t> ReadsRecordingStore::last_change() {
  return reader_->last_change();
}

Result<store::PutOutcome> ReadsRecordingStore::put(Record& record,
                                                   const store::ChangeInfo& change) {
  return reader_->put(record, change);
}

Status ReadsRecordingStore::transaction(const std::function<Status()>& work) {
  return reader_->transaction(work);
}

// It holds its reader's snapshot from open() to its end: no caller takes it or lets it go.
Status ReadsRecordingStore::hold_snapshot() {
  return Status::internal("an export's reader holds a snapshot already");
}
void ReadsRecordingStore::release_snapshot() {}

Result<store::VerifyReport> ReadsRecordingStore::verify() {
  return reader_->verify();
}
store::Accounts& ReadsRecordingStore::accounts() {
  return reader_->accounts();
}
store::Drafts& ReadsRecordingStore::drafts() {
  return reader_->drafts();
}

}  // namespace jz::web
