#pragma once
// Accounts of the documentation team: who may log in, with which role, and a log of every
// change to an account. Kept in the store's database; every change is one transaction with
// its log entry. The Store hands out its Accounts (Store::accounts()).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.hpp"
#include "core/status.hpp"

namespace jz::store {

struct User {
  std::string name = {};  // core/user_name.hpp
  Role role = Role::kContributor;
  std::string password_hash = {};  // core/password.hpp; never the password
  bool disabled = false;
  std::int64_t failed_logins = 0;   // in a row, since the last good one
  std::string locked_until = {};    // no login before this time; "" when not locked
  std::string totp_secret = {};     // core/totp.hpp; "" when the account has no second factor
  std::int64_t totp_last_step = 0;  // of the last code accepted
  std::string created = {};         // UTC, as the store's clock writes them
  std::string updated = {};
};

// A logged-in browser. The cookie holds the token; the store keeps only its hash.
struct Session {
  std::string token_hash;
  std::string user;
  std::string csrf;  // what every form of the session sends back
  std::string created;
  std::string expires;
};

// One change to an account, for the audit view: who (`actor`) did what to whom, when.
struct AccountEvent {
  std::int64_t seq = 0;
  std::string at, actor, user, action;
};

class Accounts {
 public:
  virtual ~Accounts() = default;
  virtual Result<std::optional<User>> find_user(std::string_view name) = 0;
  virtual Result<std::vector<User>> users() = 0;  // by name
  // Fails with a conflict when the name is taken (also by a disabled account).
  virtual Status add_user(const User& user, std::string_view actor) = 0;
  // These fail with not_found when there is no such account.
  virtual Status set_password_hash(std::string_view name, const std::string& hash,
                                   std::string_view actor) = 0;
  virtual Status set_role(std::string_view name, Role role, std::string_view actor) = 0;
  // Disabling an account, or changing its password, also ends its sessions.
  virtual Status set_disabled(std::string_view name, bool disabled, std::string_view actor) = 0;
  // Logins: a failure counts and may lock the account until `locked_until` ("" = not
  // locked); a success clears both. Not logged as account changes.
  virtual Status note_login_failure(std::string_view name, std::string_view locked_until) = 0;
  // A success clears the failures and, when a code was given, remembers its step.
  virtual Status note_login_success(std::string_view name, std::int64_t totp_step = 0) = 0;
  // Sets ("" removes) the secret of the account's authenticator app; logged.
  virtual Status set_totp_secret(std::string_view name, const std::string& secret,
                                 std::string_view actor) = 0;
  virtual Status add_session(const Session& session) = 0;
  virtual Result<std::optional<Session>> find_session(std::string_view token_hash) = 0;
  virtual Status drop_session(std::string_view token_hash) = 0;
  // Removes every session that expired before `now`.
  virtual Status drop_expired_sessions(std::string_view now) = 0;
  // The newest `limit` events first.
  virtual Result<std::vector<AccountEvent>> account_events(std::int64_t limit) = 0;

  // Per-record grants: an account may read (and draft changes to) a record its role could
  // not, e.g. a contributor working on one restricted case. Logged like other changes;
  // not_found when the account or the record does not exist.
  virtual Status grant(std::string_view name, std::string_view record_id,
                       std::string_view actor) = 0;
  virtual Status revoke(std::string_view name, std::string_view record_id,
                        std::string_view actor) = 0;
  virtual Result<bool> has_grant(std::string_view name, std::string_view record_id) = 0;
  virtual Result<std::vector<std::string>> grants_of(std::string_view name) = 0;  // by id
};

}  // namespace jz::store
