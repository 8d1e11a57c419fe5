#include "web/login.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/blake2b.hpp"
#include "core/password.hpp"
#include "core/random_token.hpp"
#include "core/totp.hpp"

namespace jz::web {
namespace {

// A hash to check a password against when the name is unknown, so that an unknown name
// takes as long to refuse as a wrong password.
const std::string& decoy_hash() {
  static const std::string hash = [] {
    auto made = hash_password("no account has this password");
    return made ? *made : std::string();
  }();
  return hash;
}

}  // namespace

std::string session_token_hash(std::string_view token) {
  return to_hex(blake2b(token));
}

bool same_token(std::string_view sent, std::string_view expected) {
  return !expected.empty() && sent.size() == expected.size() &&
         sodium_memcmp(sent.data(), expected.data(), expected.size()) == 0;
}

Status Login::refuse(const store::User& user, const std::string& now, std::string_view why) {
  std::int64_t failures = user.failed_logins + 1;
  std::string locked_until;
  if (failures >= policy_.free_failures) {
    long long wait = policy_.first_lock_seconds;
    for (std::int64_t i = policy_.free_failures;
         i < failures && wait < policy_.longest_lock_seconds; ++i)
      wait *= 2;
    locked_until = utc_plus(now, std::min(wait, policy_.longest_lock_seconds));
  }
  JZ_RETURN_IF_ERROR(accounts_.note_login_failure(user.name, locked_until));
  return Status::invalid(std::string(why));
}

Result<NewSession> Login::log_in(std::string_view name, std::string_view password,
                                 std::string_view code) {
  auto found = accounts_.find_user(name);
  if (!found) return found.status();
  if (!*found) {
    (void)password_matches(decoy_hash(), password);
    return Status::invalid(std::string(kWrongPassword));
  }
  const store::User& user = **found;
  const std::string now = clock_();
  if (!user.locked_until.empty() && now < user.locked_until)
    return Status::conflict("too many failed logins: this account may try again after " +
                            user.locked_until + " (UTC)");
  if (!password_matches(user.password_hash, password) || user.disabled)
    return refuse(user, now, kWrongPassword);
  std::int64_t step = 0;
  if (!user.totp_secret.empty()) {
    auto seconds = utc_seconds(now);
    auto matched =
        seconds ? totp_match(user.totp_secret, code, *seconds, user.totp_last_step) : std::nullopt;
    if (!matched) return refuse(user, now, kWrongCode);
    step = *matched;
  }
  JZ_RETURN_IF_ERROR(accounts_.note_login_success(user.name, step));
  // Sessions nobody ended (a closed browser) go when anyone next logs in.
  JZ_RETURN_IF_ERROR(accounts_.drop_expired_sessions(now));
  NewSession session{random_token(),
                     utc_plus(now, policy_.session_seconds),
                     {user.name, user.role, random_token()}};
  JZ_RETURN_IF_ERROR(accounts_.add_session(
      {session_token_hash(session.token), user.name, session.who.csrf, now, session.expires}));
  return session;
}

Result<std::optional<SignedIn>> Login::session(std::string_view token) {
  if (token.empty()) return std::optional<SignedIn>();
  const std::string hash = session_token_hash(token);
  auto stored = accounts_.find_session(hash);
  if (!stored) return stored.status();
  if (!*stored) return std::optional<SignedIn>();
  if ((*stored)->expires <= clock_()) {
    JZ_RETURN_IF_ERROR(accounts_.drop_session(hash));
    return std::optional<SignedIn>();
  }
  auto user = accounts_.find_user((*stored)->user);
  if (!user) return user.status();
  if (!*user || (*user)->disabled) return std::optional<SignedIn>();
  return std::optional<SignedIn>(SignedIn{(*user)->name, (*user)->role, (*stored)->csrf});
}

Status Login::log_out(std::string_view token) {
  return accounts_.drop_session(session_token_hash(token));
}

}  // namespace jz::web
