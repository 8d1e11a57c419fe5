#include "store/sqlite_drafts.hpp"

#include <string>

namespace jz::store {

std::string_view state_name(DraftState state) {
  return state == DraftState::kInReview ? "in_review" : "draft";
}

namespace {

const std::string kSelect =
    "SELECT id, record_id, kind, base_revision, state, author, reason, body, review_note, "
    "created, updated FROM drafts";

class SqliteDrafts final : public Drafts {
 public:
  SqliteDrafts(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

  Status prepare() {
    return db_.prepare_all({
        {&find_, kSelect + " WHERE id = ?1"},
        {&find_for_record_, kSelect + " WHERE record_id = ?1"},
        {&list_, kSelect + " WHERE (?1 = '' OR state = ?1) AND (?2 = '' OR author = ?2) "
                           "ORDER BY updated DESC, id DESC"},
        {&add_,
         "INSERT INTO drafts (record_id, kind, base_revision, state, author, reason, body, "
         "review_note, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"},
        {&update_,
         "UPDATE drafts SET state = ?2, reason = ?3, body = ?4, review_note = ?5, updated = ?6 "
         "WHERE id = ?1"},
        {&remove_, "DELETE FROM drafts WHERE id = ?1"},
        {&log_,
         "INSERT INTO draft_events (at, actor, draft, record_id, action) "
         "VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&events_,
         "SELECT seq, at, actor, draft, record_id, action FROM draft_events "
         "ORDER BY seq DESC LIMIT ?1"},
    });
  }

  Result<std::optional<Draft>> find(std::int64_t id) override {
    find_.bind(1, id);
    return one(find_);
  }

  Result<std::optional<Draft>> find_for_record(std::string_view record_id) override {
    find_for_record_.bind(1, record_id);
    return one(find_for_record_);
  }

  Result<std::vector<Draft>> list(const DraftFilter& filter) override {
    list_.bind(1, filter.state ? state_name(*filter.state) : "").bind(2, filter.author);
    std::vector<Draft> out;
    Status s;
    while (list_.step(&s)) out.push_back(read(list_));
    list_.reset();
    if (!s) return s;
    return out;
  }

  Status add(Draft& d) override {
    auto open = find_for_record(d.record_id);
    if (!open) return open.status();
    if (*open)
      return Status::conflict("record " + d.record_id + " has an open draft already (#" +
                              std::to_string((*open)->id) + " by " + (*open)->author +
                              "); continue that one");
    d.created = d.updated = clock_();
    add_.bind(1, d.record_id).bind(2, d.kind).bind(3, d.base_revision);
    add_.bind(4, state_name(d.state)).bind(5, d.author).bind(6, d.reason).bind(7, d.body);
    JZ_RETURN_IF_ERROR(add_.bind(8, d.review_note).bind(9, d.created).run());
    d.id = sqlite3_last_insert_rowid(db_.handle());
    return Status::ok();
  }

  Status update(Draft& d) override {
    d.updated = clock_();
    update_.bind(1, d.id).bind(2, state_name(d.state)).bind(3, d.reason).bind(4, d.body);
    JZ_RETURN_IF_ERROR(update_.bind(5, d.review_note).bind(6, d.updated).run());
    if (sqlite3_changes(db_.handle()) == 0) return gone(d.id);
    return Status::ok();
  }

  Status remove(std::int64_t id) override {
    JZ_RETURN_IF_ERROR(remove_.bind(1, id).run());
    if (sqlite3_changes(db_.handle()) == 0) return gone(id);
    return Status::ok();
  }

  Status log(const DraftEvent& e) override {
    log_.bind(1, e.at.empty() ? clock_() : e.at).bind(2, e.actor).bind(3, e.draft);
    return log_.bind(4, e.record_id).bind(5, e.action).run();
  }

  Result<std::vector<DraftEvent>> events(std::int64_t limit) override {
    events_.bind(1, limit);
    std::vector<DraftEvent> out;
    Status s;
    while (events_.step(&s))
      out.push_back({events_.integer(0), events_.text(1), events_.text(2), events_.integer(3),
                     events_.text(4), events_.text(5)});
    events_.reset();
    if (!s) return s;
    return out;
  }

 private:
  static Status gone(std::int64_t id) {
    return Status::not_found("draft #" + std::to_string(id) +
                             " is gone: it was published or discarded meanwhile");
  }

  static Draft read(const Statement& q) {
    return Draft{
        .id = q.integer(0),
        .record_id = q.text(1),
        .kind = q.text(2),
        .base_revision = static_cast<int>(q.integer(3)),
        .state = q.text_view(4) == "in_review" ? DraftState::kInReview : DraftState::kDraft,
        .author = q.text(5),
        .reason = q.text(6),
        .body = q.text(7),
        .review_note = q.text(8),
        .created = q.text(9),
        .updated = q.text(10)};
  }

  Result<std::optional<Draft>> one(Statement& q) {
    Status s;
    std::optional<Draft> found;
    if (q.step(&s)) found = read(q);
    q.reset();
    if (!s) return s;
    return found;
  }

  Database& db_;
  Clock clock_;
  Statement find_, find_for_record_, list_, add_, update_, remove_, log_, events_;
};

}  // namespace

Result<std::unique_ptr<Drafts>> open_sqlite_drafts(Database& db, Clock clock) {
  auto drafts = std::make_unique<SqliteDrafts>(db, std::move(clock));
  JZ_RETURN_IF_ERROR(drafts->prepare());
  return std::unique_ptr<Drafts>(std::move(drafts));
}

}  // namespace jz::store
