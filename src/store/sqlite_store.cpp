// The SQLite backend of Store: WAL mode, STRICT tables, one writer. Each put() writes the
// record row, its reference rows and one revision linked into the hash chain.
#include <filesystem>
#include <optional>

#include "core/record_id.hpp"
#include "core/record_json.hpp"
#include "core/slug.hpp"
#include "search/search_document.hpp"
#include "store/facet_index.hpp"
#include "store/fts5_search_index.hpp"
#include "store/migrations.hpp"
#include "store/revision_chain.hpp"
#include "store/sqlite_accounts.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_drafts.hpp"
#include "store/store.hpp"
#include "store/verify_chain.hpp"

namespace jz::store {
namespace {

class SqliteStore final : public Store {
 public:
  SqliteStore(Database db, Clock clock, bool bulk, SearchLimits limits)
      : db_(std::move(db)), clock_(std::move(clock)), bulk_(bulk), search_limits_(limits) {}
  ~SqliteStore() override {
    if (bulk_) (void)db_.exec("PRAGMA journal_mode = WAL");
  }

  Status prepare_statements() {
    JZ_RETURN_IF_ERROR(db_.prepare_all({
        {&get_, "SELECT body FROM records WHERE id = ?1"},
        // Separate INSERT and UPDATE: an upsert costs SQLite a temporary table per call.
        {&insert_record_,
         "INSERT INTO records (id, kind, slug, visibility, revision, created, updated, body) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&update_record_,
         "UPDATE records SET kind = ?2, slug = ?3, visibility = ?4, revision = ?5, created = ?6, "
         "updated = ?7, body = ?8 WHERE id = ?1"},
        {&delete_refs_, "DELETE FROM refs WHERE from_id = ?1"},
        {&insert_ref_, "INSERT INTO refs (from_id, to_id) VALUES (?1, ?2)"},
        {&insert_revision_,
         "INSERT INTO revisions (seq, record_id, revision, author, at, reason, snapshot, "
         "prev_hash, hash, reviewer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
        {&read_head_, "SELECT seq, hash FROM chain_head"},
        {&write_head_, "INSERT OR REPLACE INTO chain_head (one, seq, hash) VALUES (1, ?1, ?2)"},
        {&slug_owner_, "SELECT id FROM records WHERE kind = ?1 AND slug = ?2"},
        // Every reference written since the transaction began, probing the primary key
        // (NOT IN (SELECT id ...) would build a temporary table of every id on each call).
        {&dangling_,
         "SELECT v.record_id, f.to_id FROM revisions v JOIN refs f ON f.from_id = v.record_id "
         "WHERE v.seq > ?1 AND NOT EXISTS (SELECT 1 FROM records WHERE id = f.to_id) LIMIT 1"},
        {&referrers_, "SELECT from_id FROM refs WHERE to_id = ?1 ORDER BY from_id"},
    }));
    auto search = open_fts5_search_index(db_, search_limits_);
    if (!search) return search.status();
    search_ = std::move(*search);
    auto accounts = open_sqlite_accounts(db_, clock_);
    if (!accounts) return accounts.status();
    accounts_ = std::move(*accounts);
    auto drafts = open_sqlite_drafts(db_, clock_);
    if (!drafts) return drafts.status();
    drafts_ = std::move(*drafts);
    return facets_.prepare(db_);
  }

  Accounts& accounts() override { return *accounts_; }
  Drafts& drafts() override { return *drafts_; }

  Result<search::SearchResult> search(const search::SearchRequest& request) override {
    JZ_RETURN_IF_ERROR(write_queued_documents());
    return search_->search(request);
  }

  Result<Record> get(std::string_view id) override {
    get_.bind(1, id);
    Status s;
    std::optional<Result<Record>> found;
    if (get_.step(&s)) found = decode_stored(get_.text_view(0));
    get_.reset();
    if (!s.is_ok()) return s;
    if (!found) return Status::not_found("no record with id \"" + std::string(id) + "\"");
    return std::move(*found);
  }

  Result<std::vector<Record>> list(std::string_view kind, std::int64_t offset,
                                   std::int64_t limit) override {
    auto q = kind.empty()
                 ? db_.prepare("SELECT body FROM records ORDER BY kind, slug LIMIT ?2 OFFSET ?3")
                 : db_.prepare(
                       "SELECT body FROM records WHERE kind = ?1 ORDER BY slug "
                       "LIMIT ?2 OFFSET ?3");
    if (!q) return q.status();
    if (!kind.empty()) q->bind(1, kind);
    q->bind(2, limit).bind(3, offset);
    std::vector<Record> out;
    Status s;
    while (q->step(&s)) {
      auto r = decode_stored(q->text_view(0));
      if (!r) return r.status();
      out.push_back(std::move(*r));
    }
    if (!s.is_ok()) return s;
    return out;
  }

  Status for_each(const std::function<Status(const Record&)>& fn) override {
    auto q = db_.prepare("SELECT body FROM records ORDER BY id");
    if (!q) return q.status();
    Status s;
    while (q->step(&s)) {
      auto r = decode_stored(q->text_view(0));
      if (!r) return r.status();
      JZ_RETURN_IF_ERROR(fn(*r));
    }
    return s;
  }

  Result<std::map<std::string, std::int64_t>> count_by_kind() override {
    return count_kinds("SELECT kind, count(*) FROM records GROUP BY kind");
  }

  Result<std::vector<std::string>> referrers(std::string_view id) override {
    referrers_.bind(1, id);
    std::vector<std::string> out;
    Status s;
    while (referrers_.step(&s)) out.push_back(referrers_.text(0));
    referrers_.reset();
    if (!s.is_ok()) return s;
    return out;
  }

  Result<std::vector<Revision>> history(std::string_view id) override {
    auto q = db_.prepare("SELECT " JZ_REVISION_COLUMNS
                         " FROM revisions WHERE record_id = ?1 ORDER BY revision");
    if (!q) return q.status();
    q->bind(1, id);
    std::vector<Revision> out;
    Status s;
    while (q->step(&s)) out.push_back(read_revision(*q));
    if (!s.is_ok()) return s;
    return out;
  }

  Result<std::vector<Revision>> recent_revisions(std::int64_t offset, std::int64_t limit) override {
    auto q = db_.prepare(
        "SELECT seq, record_id, revision, author, at, reason, reviewer, prev_hash, hash "
        "FROM revisions ORDER BY seq DESC "
        "LIMIT ?1 OFFSET ?2");
    if (!q) return q.status();
    q->bind(1, limit).bind(2, offset);
    std::vector<Revision> out;
    Status s;
    while (q->step(&s)) {
      Revision& r = out.emplace_back();
      r.seq = q->integer(0);
      r.record_id = q->text(1);
      r.revision = static_cast<int>(q->integer(2));
      r.author = q->text(3);
      r.at = q->text(4);
      r.reason = q->text(5);
      r.reviewer = q->text(6);
      r.prev_hash = q->text(7);
      r.hash = q->text(8);
    }
    if (!s.is_ok()) return s;
    return out;
  }

  Result<std::vector<std::string>> non_public_ids() override {
    auto q = db_.prepare("SELECT id FROM records WHERE visibility <> 'public' ORDER BY id");
    if (!q) return q.status();
    std::vector<std::string> out;
    Status s;
    while (q->step(&s)) out.push_back(q->text(0));
    if (!s.is_ok()) return s;
    return out;
  }

  Result<ListPage> list_public(const ListQuery& query) override {
    auto q = list_query(query, "r.body");
    auto count =
        db_.prepare("SELECT count(*) FROM records r WHERE " + public_filter(query.filters));
    if (!q) return q.status();
    if (!count) return count.status();
    bind_filter(*count, query.kind, query.filters);
    ListPage page;
    Status s;
    while (q->step(&s)) {
      auto r = decode_stored(q->text_view(0));
      if (!r) return r.status();
      page.records.push_back(std::move(*r));
    }
    if (s.is_ok() && count->step(&s)) page.total = count->integer(0);
    if (!s.is_ok()) return s;
    return page;
  }

  Result<std::vector<std::string>> list_public_ids(const ListQuery& query) override {
    auto q = list_query(query, "r.id");
    if (!q) return q.status();
    std::vector<std::string> ids;
    Status s;
    while (q->step(&s)) ids.push_back(q->text(0));
    if (!s.is_ok()) return s;
    return ids;
  }

  Result<std::vector<std::pair<std::string, std::int64_t>>> facet_counts(
      std::string_view kind, std::string_view name, const std::vector<Facet>& filters) override {
    auto q = db_.prepare(
        "SELECT g.value, count(*) FROM facets g JOIN records r ON r.id = g.record_id "
        "WHERE g.kind = ?1 AND g.name = ?99 AND " +
        public_filter(filters) + " GROUP BY g.value ORDER BY count(*) DESC, g.value");
    if (!q) return q.status();
    bind_filter(*q, kind, filters);
    q->bind(99, name);
    std::vector<std::pair<std::string, std::int64_t>> out;
    Status s;
    while (q->step(&s)) out.emplace_back(q->text(0), q->integer(1));
    if (!s.is_ok()) return s;
    return out;
  }

  Result<std::map<std::string, std::int64_t>> count_public_by_kind() override {
    return count_kinds(
        "SELECT kind, count(*) FROM records WHERE visibility = 'public' GROUP BY kind");
  }

  Result<std::int64_t> last_change() override {
    if (!in_transaction_) JZ_RETURN_IF_ERROR(load_head());
    return head_seq_;
  }

  Result<PutOutcome> put(Record& record, const ChangeInfo& change) override {
    if (in_transaction_) return put_in_transaction(record, change);
    PutOutcome outcome = PutOutcome::kUnchanged;
    JZ_RETURN_IF_ERROR(transaction([&]() -> Status {
      auto r = put_in_transaction(record, change);
      if (!r) return r.status();
      outcome = *r;
      return Status::ok();
    }));
    return outcome;
  }

  Status transaction(const std::function<Status()>& work) override {
    if (in_transaction_) return work();  // nested: part of the outer transaction
    if (in_snapshot_) return Status::internal("a snapshot is held; release it before writing");
    JZ_RETURN_IF_ERROR(db_.exec("BEGIN IMMEDIATE"));
    in_transaction_ = true;
    Status s = load_head();
    transaction_start_seq_ = head_seq_;
    if (s.is_ok()) s = work();
    if (s.is_ok()) s = write_queued_documents();
    if (s.is_ok() && queue_failed_)  // the work went on past a failed write of the queue
      s = Status::internal("search documents were not written; nothing was saved");
    search_queue_.clear();  // after a failure: nothing of it is written
    queue_failed_ = false;
    if (s.is_ok()) s = check_references();
    if (s.is_ok() && head_dirty_) {
      write_head_.bind(1, head_seq_).bind(2, head_hash_);
      s = write_head_.run();
    }
    if (s.is_ok()) s = db_.exec("COMMIT");
    in_transaction_ = false;
    head_dirty_ = false;
    if (!s.is_ok()) (void)db_.exec("ROLLBACK");
    return s;
  }

  // query_only makes every write on the connection fail while the snapshot is held, the
  // accounts' and drafts' too (they would join the open transaction, and be rolled back).
  Status hold_snapshot() override {
    if (in_transaction_ || in_snapshot_)
      return Status::internal("a snapshot is held or a transaction is open already");
    JZ_RETURN_IF_ERROR(db_.exec("PRAGMA query_only = ON"));
    if (Status begun = db_.exec("BEGIN"); !begun.is_ok()) {
      (void)db_.exec("PRAGMA query_only = OFF");
      return begun;
    }
    in_snapshot_ = true;
    return Status::ok();
  }

  void release_snapshot() override {
    if (!in_snapshot_) return;
    // A transaction that only read has nothing to undo: ROLLBACK of it does not fail.
    (void)db_.exec("ROLLBACK");
    (void)db_.exec("PRAGMA query_only = OFF");
    in_snapshot_ = false;
  }

  Result<VerifyReport> verify() override {
    JZ_RETURN_IF_ERROR(write_queued_documents());  // it compares the index with the records
    return verify_chain(db_);
  }

 private:
  Result<Record> decode_stored(std::string_view body) {
    auto r = parse_record(body);
    if (!r)
      return Status::corrupt("a stored record does not decode (" + r.status().message() +
                             "); run `jianzheng verify`");
    return r;
  }

  // `column` of the records `query` lists, in its order, its offset and limit bound.
  Result<Statement> list_query(const ListQuery& query, std::string_view column) {
    auto q =
        db_.prepare("SELECT " + std::string(column) + " FROM records r WHERE " +
                    public_filter(query.filters) + " ORDER BY " +
                    (query.order == ListQuery::Order::kSlug ? "r.slug" : "r.updated DESC, r.slug") +
                    " LIMIT ?100 OFFSET ?101");
    if (!q) return q.status();
    bind_filter(*q, query.kind, query.filters);
    q->bind(100, query.limit).bind(101, query.offset);
    return q;
  }

  // The WHERE clause of a public list of kind ?1: filter i binds its name and value to
  // ?(2+2i) and ?(3+2i) (below 99, which callers use for their own parameters).
  static std::string public_filter(const std::vector<Facet>& filters) {
    std::string where = "r.kind = ?1 AND r.visibility = 'public'";
    for (std::size_t i = 0; i < filters.size(); ++i)
      where += " AND EXISTS (SELECT 1 FROM facets f WHERE f.kind = ?1 AND f.name = ?" +
               std::to_string(2 + 2 * i) + " AND f.value = ?" + std::to_string(3 + 2 * i) +
               " AND f.record_id = r.id)";
    return where;
  }
  static void bind_filter(Statement& q, std::string_view kind, const std::vector<Facet>& filters) {
    q.bind(1, kind);
    for (std::size_t i = 0; i < filters.size(); ++i)
      q.bind(static_cast<int>(2 + 2 * i), filters[i].name)
          .bind(static_cast<int>(3 + 2 * i), filters[i].value);
  }

  Result<std::map<std::string, std::int64_t>> count_kinds(std::string_view sql) {
    auto q = db_.prepare(sql);
    if (!q) return q.status();
    std::map<std::string, std::int64_t> out;
    Status s;
    while (q->step(&s)) out[q->text(0)] = q->integer(1);
    if (!s.is_ok()) return s;
    return out;
  }

  Status load_head() {
    Status s;
    head_seq_ = 0;
    head_hash_.clear();
    if (read_head_.step(&s)) {
      head_seq_ = read_head_.integer(0);
      head_hash_ = read_head_.text(1);
    }
    read_head_.reset();
    return s;
  }

  Result<std::string> unique_slug(const Record& record) {
    // Slugs are public: make them from the public fields only, so a confidential English
    // name does not leak through the URL.
    std::optional<Record> shown;
    if (!record.confidential.empty()) {
      auto stripped = remove_confidential_fields(record);
      if (!stripped) return stripped.status();
      shown = std::move(*stripped);
    }
    const Text& label = shown ? shown->label() : record.label();
    std::string base = make_slug(label.en.empty() ? label.zh : label.en);
    if (base.empty()) return record.id;
    // The second choice adds 5 characters: cut a long base (make_slug stops at 80, the most a
    // slug may have) so that it still fits, as long recommendation texts need.
    std::string cut = base.substr(0, 75);
    while (cut.back() == '-') cut.pop_back();
    for (const std::string& candidate : {base, cut + "-" + record.id.substr(1, 4), record.id}) {
      auto owner = slug_owner(record.kind(), candidate);
      if (!owner) return owner.status();
      if (owner->empty() || *owner == record.id) return candidate;
    }
    return record.id;
  }

  Result<std::string> slug_owner(std::string_view kind, std::string_view slug) {
    slug_owner_.bind(1, kind).bind(2, slug);
    Status s;
    std::string owner;
    if (slug_owner_.step(&s)) owner = slug_owner_.text(0);
    slug_owner_.reset();
    if (!s.is_ok()) return s;
    return owner;
  }

  Result<PutOutcome> put_in_transaction(Record& record, const ChangeInfo& change) {
    std::optional<Record> existing;
    if (record.id.empty()) {
      do {
        record.id = random_id(record.kind());
      } while (get(record.id).is_ok());
    } else {
      auto found = get(record.id);
      if (found) {
        existing = std::move(*found);
      } else if (found.status().code() != Code::kNotFound) {
        return found.status();
      }
    }
    if (existing && existing->kind() != record.kind())
      return Status::conflict("record " + record.id + " is a " + std::string(existing->kind()) +
                              ", not a " + std::string(record.kind()));

    if (record.slug.empty()) {
      if (existing) {
        record.slug = existing->slug;
      } else {
        auto slug = unique_slug(record);
        if (!slug) return slug.status();
        record.slug = std::move(*slug);
      }
    } else {
      auto owner = slug_owner(record.kind(), record.slug);
      if (!owner) return owner.status();
      if (!owner->empty() && *owner != record.id)
        return Status::conflict("slug \"" + record.slug + "\" is already used by " + *owner +
                                "; choose another or leave it out");
    }

    PutOutcome outcome = PutOutcome::kCreated;
    if (existing) {
      record.created = existing->created;
      record.updated = existing->updated;
      record.revision = existing->revision;
      if (to_canonical_json(record) == to_canonical_json(*existing)) {
        record = std::move(*existing);
        return PutOutcome::kUnchanged;
      }
      record.revision = existing->revision + 1;
      record.updated = clock_();
      outcome = PutOutcome::kUpdated;
    } else {
      if (record.created.empty()) record.created = clock_();
      if (record.updated.empty()) record.updated = record.created;
      if (record.revision <= 0) record.revision = 1;
    }

    Revision rev;
    rev.seq = head_seq_ + 1;
    rev.record_id = record.id;
    rev.revision = record.revision;
    rev.author = change.author;
    rev.at = clock_();
    rev.reason = change.reason;
    rev.reviewer = change.reviewer;
    rev.snapshot = to_canonical_json(record);
    rev.prev_hash = head_hash_;
    rev.hash = revision_hash(rev);

    Statement& write = existing ? update_record_ : insert_record_;
    write.bind(1, record.id)
        .bind(2, record.kind())
        .bind(3, record.slug)
        .bind(4, record.visibility)
        .bind(5, record.revision)
        .bind(6, record.created)
        .bind(7, record.updated)
        .bind(8, rev.snapshot);
    JZ_RETURN_IF_ERROR(write.run());
    if (existing) {
      delete_refs_.bind(1, record.id);
      JZ_RETURN_IF_ERROR(delete_refs_.run());
    }
    for (const auto& to : record.references()) {
      insert_ref_.bind(1, record.id).bind(2, to);
      JZ_RETURN_IF_ERROR(insert_ref_.run());
    }
    JZ_RETURN_IF_ERROR(facets_.write(record, existing.has_value()));
    auto document = search::search_document(record);
    if (!document) return document.status();
    if (*document) {
      search_queue_.push_back(std::move(**document));
      if (search_queue_.size() >= kSearchQueue) JZ_RETURN_IF_ERROR(write_queued_documents());
    } else if (existing) {
      JZ_RETURN_IF_ERROR(write_queued_documents());  // it may be queued
      JZ_RETURN_IF_ERROR(search_->remove(record.id));
    }
    insert_revision_.bind(1, rev.seq)
        .bind(2, rev.record_id)
        .bind(3, rev.revision)
        .bind(4, rev.author)
        .bind(5, rev.at)
        .bind(6, rev.reason)
        .bind(7, rev.snapshot)
        .bind(8, rev.prev_hash)
        .bind(9, rev.hash)
        .bind(10, rev.reviewer);
    JZ_RETURN_IF_ERROR(insert_revision_.run());
    head_seq_ = rev.seq;
    head_hash_ = rev.hash;
    head_dirty_ = true;
    return outcome;
  }

  // Records may point at records written later in the same transaction, so references
  // are checked once, before commit: one query over what this transaction wrote (a list of
  // written ids would hold millions of strings during a large import).
  Status check_references() {
    if (head_seq_ == transaction_start_seq_) return Status::ok();
    dangling_.bind(1, transaction_start_seq_);
    Status s;
    std::string from, missing;
    if (dangling_.step(&s)) {
      from = dangling_.text(0);
      missing = dangling_.text(1);
    }
    dangling_.reset();
    JZ_RETURN_IF_ERROR(s);
    if (!missing.empty())
      return Status::invalid("record " + from + " refers to " + missing +
                             ", which does not exist; import that record too or remove the "
                             "reference");
    return Status::ok();
  }

  // Search documents are written in groups (SearchIndex::put_many tokenizes on a second
  // thread), always before the transaction commits and before the index is read or a
  // document removed, so no one sees the difference.
  Status write_queued_documents() {
    if (search_queue_.empty()) return Status::ok();
    Status s = search_->put_many(search_queue_);
    search_queue_.clear();
    queue_failed_ |= !s.is_ok();
    return s;
  }

  static constexpr std::size_t kSearchQueue = 256;

  Database db_;
  Clock clock_;
  bool bulk_;
  SearchLimits search_limits_;
  Statement get_, insert_record_, update_record_, delete_refs_, insert_ref_, insert_revision_,
      read_head_, write_head_, slug_owner_, dangling_, referrers_;
  FacetIndex facets_;
  std::unique_ptr<search::SearchIndex> search_;
  std::vector<search::SearchDocument> search_queue_;
  bool queue_failed_ = false;  // then the transaction must not commit
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<Drafts> drafts_;
  bool in_transaction_ = false;
  bool in_snapshot_ = false;  // hold_snapshot()
  bool head_dirty_ = false;
  std::int64_t head_seq_ = 0;
  std::string head_hash_;
  std::int64_t transaction_start_seq_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite(const std::string& path, OpenOptions options) {
  if (!options.create && !std::filesystem::exists(path))
    return Status::not_found(path + ": no database here; create one with `jianzheng --db " + path +
                             " init`");
  auto db = Database::open(path, options.create, options.read_only);
  if (!db) return db.status();
  if (!options.read_only) {
    Status s =
        db->exec(options.bulk ? "PRAGMA journal_mode = TRUNCATE" : "PRAGMA journal_mode = WAL");
    // Leaving WAL needs the database to itself: while a server reads it, a bulk import
    // stays in WAL (slower for huge imports, but correct).
    if (!s.is_ok() && !options.bulk) return s.prefixed(path + ": ");
  }
  for (const char* pragma :
       {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
        // A bulk import touches pages all over a growing database (ids are hashes): a
        // larger cache saves rereads; 64 MB keeps a 1M-row import under 200 MB of memory.
        options.bulk ? "PRAGMA cache_size = -64000" : "PRAGMA cache_size = -32000"}) {
    Status s = db->exec(pragma);
    if (!s.is_ok()) return s.prefixed(path + ": ");
  }
  if (!options.create) {
    auto q = db->prepare("PRAGMA user_version");
    if (!q) return q.status().prefixed(path + ": ");
    Status s;
    if (q->step(&s) && q->integer(0) == 0)
      return Status::invalid(path + ": not a Jianzheng database (no schema); run `jianzheng --db " +
                             path + " init`");
  }
  JZ_RETURN_IF_ERROR((options.read_only ? check_schema(*db) : migrate(*db)).prefixed(path + ": "));
  auto store = std::make_unique<SqliteStore>(std::move(*db), std::move(options.clock), options.bulk,
                                             options.search_limits);
  JZ_RETURN_IF_ERROR(store->prepare_statements());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jz::store
