#include "web/reads_recording_store.hpp"

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

Result<store::ListPage> ReadsRecordingStore::list_public(const store::ListQuery& query) {
  // Any change moves a record to the top of a list by latest change.
  if (query.order == store::ListQuery::Order::kRecentlyUpdated)
    note_change(query.kind);
  else
    note_list(query.kind);
  auto page = reader_->list_public(query);
  if (page) note_shown(page->records);
  return page;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> ReadsRecordingStore::facet_counts(
    std::string_view kind, std::string_view name, const std::vector<Facet>& filters) {
  note_list(kind);
  return reader_->facet_counts(kind, name, filters);
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
