#include "store/sqlite_accounts.hpp"

#include <string>

namespace jz::store {
namespace {

// The columns read() reads, in its order.
const std::string kSelectUsers =
    "SELECT name, role, password_hash, disabled, failed_logins, locked_until, totp_secret, "
    "totp_last_step, created, updated FROM users";
const std::string kFindUser = kSelectUsers + " WHERE name = ?1";
const std::string kAllUsers = kSelectUsers + " ORDER BY name";

class SqliteAccounts final : public Accounts {
 public:
  SqliteAccounts(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

  Status prepare() {
    return db_.prepare_all({
        {&find_, kFindUser},
        {&all_, kAllUsers},
        {&add_,
         "INSERT INTO users (name, role, password_hash, disabled, created, updated) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?5)"},
        {&set_hash_, "UPDATE users SET password_hash = ?2, updated = ?3 WHERE name = ?1"},
        {&set_role_, "UPDATE users SET role = ?2, updated = ?3 WHERE name = ?1"},
        {&set_disabled_, "UPDATE users SET disabled = ?2, updated = ?3 WHERE name = ?1"},
        {&log_, "INSERT INTO account_events (at, actor, user, action) VALUES (?1, ?2, ?3, ?4)"},
        {&failed_,
         "UPDATE users SET failed_logins = failed_logins + 1, locked_until = ?2 WHERE name = ?1"},
        {&succeeded_,
         "UPDATE users SET failed_logins = 0, locked_until = '', "
         "totp_last_step = max(totp_last_step, ?2) WHERE name = ?1"},
        {&set_totp_,
         "UPDATE users SET totp_secret = ?2, totp_last_step = 0, updated = ?3 "
         "WHERE name = ?1"},
        {&add_session_,
         "INSERT INTO sessions (token_hash, user, csrf, created, expires) "
         "VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&find_session_,
         "SELECT token_hash, user, csrf, created, expires FROM sessions WHERE token_hash = ?1"},
        {&drop_session_, "DELETE FROM sessions WHERE token_hash = ?1"},
        {&drop_sessions_of_, "DELETE FROM sessions WHERE user = ?1"},
        {&drop_expired_, "DELETE FROM sessions WHERE expires <= ?1"},
        {&record_exists_, "SELECT 1 FROM records WHERE id = ?1"},
        {&grant_, "INSERT OR IGNORE INTO record_grants (user, record_id) VALUES (?1, ?2)"},
        {&revoke_, "DELETE FROM record_grants WHERE user = ?1 AND record_id = ?2"},
        {&has_grant_, "SELECT 1 FROM record_grants WHERE user = ?1 AND record_id = ?2"},
        {&grants_of_, "SELECT record_id FROM record_grants WHERE user = ?1 ORDER BY record_id"},
        {&events_,
         "SELECT seq, at, actor, user, action FROM account_events ORDER BY seq DESC LIMIT ?1"},
    });
  }

  Result<std::optional<User>> find_user(std::string_view name) override {
    find_.bind(1, name);
    Status s;
    std::optional<User> found;
    if (find_.step(&s)) {
      auto user = read(find_);
      if (!user) s = user.status();
      found = std::move(*user);
    }
    find_.reset();
    if (!s) return s;
    return found;
  }

  Result<std::vector<User>> users() override {
    std::vector<User> out;
    Status s;
    while (all_.step(&s)) {
      auto user = read(all_);
      if (!user) {
        s = user.status();
        break;
      }
      out.push_back(std::move(*user));
    }
    all_.reset();
    if (!s) return s;
    return out;
  }

  Status add_user(const User& user, std::string_view actor) override {
    return in_transaction([&]() -> Status {
      auto existing = find_user(user.name);
      if (!existing) return existing.status();
      if (*existing)
        return Status::conflict("an account named " + user.name +
                                " exists already; choose another name");
      std::string now = clock_();
      add_.bind(1, user.name).bind(2, role_name(user.role)).bind(3, user.password_hash);
      JZ_RETURN_IF_ERROR(add_.bind(4, user.disabled ? 1 : 0).bind(5, now).run());
      return log(now, actor, user.name, "added as " + std::string(role_name(user.role)));
    });
  }

  Status set_password_hash(std::string_view name, const std::string& hash,
                           std::string_view actor) override {
    return change(set_hash_, name, hash, actor, "password changed", true);
  }

  Status set_role(std::string_view name, Role role, std::string_view actor) override {
    return change(set_role_, name, role_name(role), actor,
                  "role set to " + std::string(role_name(role)));
  }

  Status set_disabled(std::string_view name, bool disabled, std::string_view actor) override {
    return change(set_disabled_, name, disabled ? 1 : 0, actor, disabled ? "disabled" : "enabled",
                  disabled);
  }

  Status note_login_failure(std::string_view name, std::string_view locked_until) override {
    return failed_.bind(1, name).bind(2, locked_until).run();
  }

  Status note_login_success(std::string_view name, std::int64_t totp_step) override {
    return succeeded_.bind(1, name).bind(2, totp_step).run();
  }

  Status set_totp_secret(std::string_view name, const std::string& secret,
                         std::string_view actor) override {
    return change(set_totp_, name, secret, actor,
                  secret.empty() ? "authenticator removed" : "authenticator set");
  }

  Status add_session(const Session& s) override {
    add_session_.bind(1, s.token_hash).bind(2, s.user).bind(3, s.csrf).bind(4, s.created);
    return add_session_.bind(5, s.expires).run();
  }

  Result<std::optional<Session>> find_session(std::string_view token_hash) override {
    find_session_.bind(1, token_hash);
    Status s;
    std::optional<Session> found;
    if (find_session_.step(&s))
      found = Session{find_session_.text(0), find_session_.text(1), find_session_.text(2),
                      find_session_.text(3), find_session_.text(4)};
    find_session_.reset();
    if (!s) return s;
    return found;
  }

  Status drop_session(std::string_view token_hash) override {
    return drop_session_.bind(1, token_hash).run();
  }

  Status drop_expired_sessions(std::string_view now) override {
    return drop_expired_.bind(1, now).run();
  }

  Result<std::vector<AccountEvent>> account_events(std::int64_t limit) override {
    events_.bind(1, limit);
    std::vector<AccountEvent> out;
    Status s;
    while (events_.step(&s))
      out.push_back(
          {events_.integer(0), events_.text(1), events_.text(2), events_.text(3), events_.text(4)});
    events_.reset();
    if (!s) return s;
    return out;
  }

  Status grant(std::string_view name, std::string_view record_id, std::string_view actor) override {
    return in_transaction([&]() -> Status {
      auto user = find_user(name);
      if (!user) return user.status();
      if (!*user) return no_account(name);
      auto exists = row_exists(record_exists_.bind(1, record_id));
      if (!exists) return exists.status();
      if (!*exists)
        return Status::not_found("no record with id \"" + std::string(record_id) + "\"");
      JZ_RETURN_IF_ERROR(grant_.bind(1, name).bind(2, record_id).run());
      return log(clock_(), actor, name, "granted " + std::string(record_id));
    });
  }

  Status revoke(std::string_view name, std::string_view record_id,
                std::string_view actor) override {
    return in_transaction([&]() -> Status {
      JZ_RETURN_IF_ERROR(revoke_.bind(1, name).bind(2, record_id).run());
      if (sqlite3_changes(db_.handle()) == 0)
        return Status::not_found(std::string(name) + " has no grant for " + std::string(record_id));
      return log(clock_(), actor, name, "revoked " + std::string(record_id));
    });
  }

  Result<bool> has_grant(std::string_view name, std::string_view record_id) override {
    return row_exists(has_grant_.bind(1, name).bind(2, record_id));
  }

  Result<std::vector<std::string>> grants_of(std::string_view name) override {
    grants_of_.bind(1, name);
    std::vector<std::string> out;
    Status s;
    while (grants_of_.step(&s)) out.push_back(grants_of_.text(0));
    grants_of_.reset();
    if (!s) return s;
    return out;
  }

 private:
  static Status no_account(std::string_view name) {
    return Status::not_found("no account named " + std::string(name) +
                             "; `jianzheng user list` shows them");
  }

  static Result<bool> row_exists(Statement& q) {
    Status s;
    bool found = q.step(&s);
    q.reset();
    if (!s) return s;
    return found;
  }

  static Result<User> read(Statement& row) {
    auto role = parse_role(row.text_view(1));
    if (!role) return Status::corrupt("account " + row.text(0) + ": " + role.status().message());
    return User{.name = row.text(0),
                .role = *role,
                .password_hash = row.text(2),
                .disabled = row.integer(3) != 0,
                .failed_logins = row.integer(4),
                .locked_until = row.text(5),
                .totp_secret = row.text(6),
                .totp_last_step = row.integer(7),
                .created = row.text(8),
                .updated = row.text(9)};
  }

  // Runs `work` in a transaction of its own, or in the caller's when one is open.
  template <class Work>
  Status in_transaction(Work&& work) {
    if (!sqlite3_get_autocommit(db_.handle())) return work();
    JZ_RETURN_IF_ERROR(db_.exec("BEGIN IMMEDIATE"));
    Status s = work();
    if (s) s = db_.exec("COMMIT");
    if (!s) (void)db_.exec("ROLLBACK");
    return s;
  }

  // Sets one column of an account and logs it; `end_sessions` logs the account out too.
  template <class Value>
  Status change(Statement& update, std::string_view name, const Value& value,
                std::string_view actor, const std::string& action, bool end_sessions = false) {
    return in_transaction([&]() -> Status {
      std::string now = clock_();
      JZ_RETURN_IF_ERROR(update.bind(1, name).bind(2, value).bind(3, now).run());
      if (sqlite3_changes(db_.handle()) == 0) return no_account(name);
      if (end_sessions) JZ_RETURN_IF_ERROR(drop_sessions_of_.bind(1, name).run());
      return log(now, actor, name, action);
    });
  }

  Status log(const std::string& at, std::string_view actor, std::string_view user,
             const std::string& action) {
    return log_.bind(1, at).bind(2, actor).bind(3, user).bind(4, action).run();
  }

  Database& db_;
  Clock clock_;
  Statement find_, all_, add_, set_hash_, set_role_, set_disabled_, failed_, succeeded_, set_totp_,
      add_session_, find_session_, drop_session_, drop_sessions_of_, drop_expired_, log_, events_,
      record_exists_, grant_, revoke_, has_grant_, grants_of_;
};

}  // namespace

Result<std::unique_ptr<Accounts>> open_sqlite_accounts(Database& db, Clock clock) {
  auto accounts = std::make_unique<SqliteAccounts>(db, std::move(clock));
  JZ_RETURN_IF_ERROR(accounts->prepare());
  return std::unique_ptr<Accounts>(std::move(accounts));
}

}  // namespace jz::store
