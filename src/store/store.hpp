#pragma once
// The Store: where records live and how every change becomes a revision. The interface is
// narrow on purpose so that a PostgreSQL backend can pass the same tests later.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/facets.hpp"
#include "core/record.hpp"
#include "core/redact.hpp"
#include "core/status.hpp"
#include "search/search_index.hpp"
#include "store/accounts.hpp"
#include "store/drafts.hpp"
#include "store/fts5_search_index.hpp"

namespace jz::store {

// Who made a change and why; recorded in the revision.
struct ChangeInfo {
  std::string author;
  std::string reason;
  std::string reviewer = {};  // who approved it for publication (workflow.hpp); "" for imports
};

enum class PutOutcome { kCreated, kUpdated, kUnchanged };

struct Revision {
  std::int64_t seq = 0;  // position in the whole database's chain
  std::string record_id;
  int revision = 0;
  std::string author;
  std::string at;
  std::string reason;
  std::string snapshot;   // canonical JSON of the record after the change
  std::string prev_hash;  // hash of revision seq-1 ("" for the first)
  std::string hash;       // BLAKE2b-256 hex over prev_hash and this revision's fields
  std::string reviewer;   // who approved it; "" when it needed no review (imports, the CLI)
};

struct VerifyReport {
  std::int64_t revisions_checked = 0;
  std::int64_t records_checked = 0;
  std::string head_hash;  // the last revision's hash: publish it to detect rewrites later
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
};

// A page of a public list: records of one kind whose facets match every filter.
struct ListQuery {
  std::string kind;
  std::vector<Facet> filters = {};  // all must match (see core/facets.hpp)
  enum class Order { kSlug, kRecentlyUpdated } order = Order::kSlug;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct ListPage {
  std::vector<Record> records;  // as stored: callers still pass each through public_view()
  std::int64_t total = 0;       // matches without offset and limit
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<Record> get(std::string_view id) = 0;
  // Records of one kind ordered by slug; `kind` "" lists all kinds.
  virtual Result<std::vector<Record>> list(std::string_view kind, std::int64_t offset,
                                           std::int64_t limit) = 0;
  // Every record in id order, streamed; stops at the first error `fn` returns.
  virtual Status for_each(const std::function<Status(const Record&)>& fn) = 0;
  virtual Result<std::map<std::string, std::int64_t>> count_by_kind() = 0;
  // Ids that point at `id` (cases of a person, events of a case, ...).
  virtual Result<std::vector<std::string>> referrers(std::string_view id) = 0;
  virtual Result<std::vector<Revision>> history(std::string_view id) = 0;
  // Revisions of every record, newest first, with their hashes but without their snapshots:
  // the audit view, and what changed since a revision.
  virtual Result<std::vector<Revision>> recent_revisions(std::int64_t offset,
                                                         std::int64_t limit) = 0;
  // Ids of records that are not public; small, so callers can hold it for a whole render.
  virtual Result<std::vector<std::string>> non_public_ids() = 0;

  // Public records only, filtered by their public facets.
  virtual Result<ListPage> list_public(const ListQuery& query) = 0;
  // The ids of the records list_public() gives, in its order, without reading the records: a
  // mirror export learns the order of a whole list once, and reads a record when a page shows
  // it (reading every record of the kind for each list was most of a publish after a rename).
  virtual Result<std::vector<std::string>> list_public_ids(const ListQuery& query) = 0;
  // How many public records of `kind` matching `filters` have each value of facet `name`,
  // most frequent first.
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> facet_counts(
      std::string_view kind, std::string_view name, const std::vector<Facet>& filters) = 0;
  virtual Result<std::map<std::string, std::int64_t>> count_public_by_kind() = 0;
  // Public records matching a reader's search (search/search_index.hpp); the index is
  // written with each record, in the same transaction.
  virtual Result<search::SearchResult> search(const search::SearchRequest& request) = 0;
  // A number that grows with every committed write, from any connection or process: caches
  // of rendered pages compare it to know they are stale.
  virtual Result<std::int64_t> last_change() = 0;

  // Writes a record as a new revision. Fills in id, slug, created, updated and revision
  // (kept as given for a new record, which is how imports preserve them) and writes
  // nothing when the content is unchanged. References are checked at commit.
  virtual Result<PutOutcome> put(Record& record, const ChangeInfo& change) = 0;

  // Runs `work` in one transaction: all of its writes land, or none do.
  virtual Status transaction(const std::function<Status()>& work) = 0;
  // From hold_snapshot() to release_snapshot(), every read sees one state of the database and
  // takes no lock of its own: what a long run of reads (a mirror export) wants. Writes from
  // other connections go on; this one sees none of them until it lets go. Not inside a
  // transaction().
  virtual Status hold_snapshot() = 0;
  virtual void release_snapshot() = 0;

  virtual Result<VerifyReport> verify() = 0;
  // The team's accounts, in the same database (writes join an open transaction()).
  virtual Accounts& accounts() = 0;
  // Changes waiting for review, in the same database (writes join an open transaction()).
  virtual Drafts& drafts() = 0;
};

struct OpenOptions {
  bool create = false;  // create the file and schema if missing
  // A reader for a server worker: never writes, and needs the schema already current.
  bool read_only = false;
  // For one large import: a rollback journal while open, WAL again on close, and a larger
  // page cache (64 MB instead of 32). SQLite's WAL slows down for transactions over
  // ~100 MB (each page read searches a growing WAL index); if another process has the
  // database open, the mode stays WAL.
  bool bulk = false;
  Clock clock = system_clock();
  SearchLimits search_limits = {};  // the most one search ranks and counts
};

// The redaction oracle for public_view(): true for ids of public records that exist.
Result<IsPublic> public_oracle(Store& store);

Result<std::unique_ptr<Store>> open_sqlite(const std::string& path, OpenOptions options = {});

}  // namespace jz::store
