#pragma once
// A Store that notes what each call reads (page_reads.hpp) and passes it on to the reader it
// holds: how a mirror export learns which records and lists each page depends on.
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "core/string_map.hpp"
#include "store/store.hpp"
#include "web/reader_pool.hpp"

namespace jz::web {

// Records decoded once per export and shared by its readers: every reader of one export sees
// the same state of the database (export_mirror fails if last_change() moved), and pages get
// the same sources and persons again and again. Holds at most `capacity` records.
class SharedRecords {
 public:
  explicit SharedRecords(std::size_t capacity) : capacity_(capacity) {}
  std::optional<Record> find(std::string_view id) const;
  void add(const Record& record);

 private:
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  StringMap<Record> records_;  // looked up by the string_view a page asks with
};

// The lists of one export, each read from the database once: every page of a list asks for
// the same order and the same facet counts, and each such query runs over the whole kind (a
// list of 400 pages was 400 of them). The same state of the database as above.
class SharedLists {
 public:
  using Ids = std::shared_ptr<const std::vector<std::string>>;
  using Counts = std::vector<std::pair<std::string, std::int64_t>>;
  // The ids of every record `query` lists, offset and limit aside, in its order.
  Result<Ids> order(store::Store& reader, const store::ListQuery& query);
  Result<Counts> facet_counts(store::Store& reader, std::string_view kind, std::string_view name,
                              const std::vector<Facet>& filters);

 private:
  std::mutex mutex_;  // held while a list is read: pages of that list wait for it, not read it too
  std::map<std::string, Ids, std::less<>> orders_;
  std::map<std::string, Counts, std::less<>> counts_;
};

class ReadsRecordingStore : public store::Store {
 public:
  // Holds a snapshot of `reader` (Store::hold_snapshot) for as long as it lives: an export's
  // readers see one state of the database, and take no lock per query.
  static Result<std::unique_ptr<store::Store>> open(ReaderPool::Lease reader, SharedRecords& shared,
                                                    SharedLists& lists);
  ~ReadsRecordingStore() override;

  Result<Record> get(std::string_view id) override;
  Result<std::vector<Record>> list(std::string_view kind, std::int64_t offset,
                                   std::int64_t limit) override;
  Status for_each(const std::function<Status(const Record&)>& fn) override;
  Result<std::map<std::string, std::int64_t>> count_by_kind() override;
  Result<std::vector<std::string>> referrers(std::string_view id) override;
  Result<std::vector<store::Revision>> history(std::string_view id) override;
  Result<std::vector<store::Revision>> recent_revisions(std::int64_t offset,
                                                        std::int64_t limit) override;
  Result<std::vector<std::string>> non_public_ids() override;
  Result<store::ListPage> list_public(const store::ListQuery& query) override;
  Result<std::vector<std::string>> list_public_ids(const store::ListQuery& query) override;
  Result<std::vector<std::pair<std::string, std::int64_t>>> facet_counts(
      std::string_view kind, std::string_view name, const std::vector<Facet>& filters) override;
  Result<std::map<std::string, std::int64_t>> count_public_by_kind() override;
  Result<search::SearchResult> search(const search::SearchRequest& request) override;
  Result<std::int64_t> last_change() override;
  Result<store::PutOutcome> put(Record& record, const store::ChangeInfo& change) override;
  Status transaction(const std::function<Status()>& work) override;
  Status hold_snapshot() override;
  void release_snapshot() override;
  Result<store::VerifyReport> verify() override;
  store::Accounts& accounts() override;
  store::Drafts& drafts() override;

 private:
  ReadsRecordingStore(ReaderPool::Lease reader, SharedRecords& shared, SharedLists& lists)
      : reader_(std::move(reader)), shared_(shared), lists_(lists) {}

  ReaderPool::Lease reader_;
  SharedRecords& shared_;
  SharedLists& lists_;
};

}  // namespace jz::web
