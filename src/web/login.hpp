#pragma once
// Logging in and out, and the account behind a session cookie: the rules (lockout with
// backoff, session lifetime, tokens kept only as hashes), apart from HTTP, so the login
// pages and their tests share them.
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/role.hpp"
#include "store/accounts.hpp"

namespace jz::web {

inline constexpr std::string_view kWrongPassword = "wrong name or password";
inline constexpr std::string_view kWrongCode =
    "the code from the authenticator app is missing, wrong or used already";

struct LoginPolicy {
  int free_failures = 5;  // failed logins in a row before the account locks
  // Then locked for 1 minute, and twice as long after each further failure, at most a day.
  long long first_lock_seconds = 60;
  long long longest_lock_seconds = 24 * 3600;
  long long session_seconds = 12 * 3600;  // a session ends this long after login
};

// Who is logged in, as a request sees it. The role is read at each request, so a change of
// role or a disabled account takes effect at once.
struct SignedIn {
  std::string user;
  Role role = Role::kContributor;
  std::string csrf;
};

struct NewSession {
  std::string token;  // for the cookie; the store keeps only its hash
  std::string expires;
  SignedIn who;
};

class Login {
 public:
  Login(store::Accounts& accounts, Clock clock, LoginPolicy policy = {})
      : accounts_(accounts), clock_(std::move(clock)), policy_(policy) {}

  // A new session, or why not: invalid kWrongPassword (also for an unknown name or a
  // disabled account, which this does not reveal) or kWrongCode (an account with an
  // authenticator app, whose password was right), or a conflict that says until when a
  // locked account must wait. Wrong codes count towards the lock as wrong passwords do.
  Result<NewSession> log_in(std::string_view name, std::string_view password,
                            std::string_view code = "");
  // The account of a session token; nothing when the token is unknown or expired, or the
  // account is gone or disabled.
  Result<std::optional<SignedIn>> session(std::string_view token);
  Status log_out(std::string_view token);

 private:
  // Counts a failed login (locking the account after too many) and returns `why`.
  Status refuse(const store::User& user, const std::string& now, std::string_view why);

  store::Accounts& accounts_;
  Clock clock_;
  LoginPolicy policy_;
};

// The stored form of a session token.
std::string session_token_hash(std::string_view token);
// Whether a token sent back equals the one given out, in time that does not depend on
// where they differ; false when either is empty.
bool same_token(std::string_view sent, std::string_view expected);

}  // namespace jz::web
