// Login rules (web/login.hpp): sessions whose tokens are stored only as hashes, one
// message for every refusal that would reveal an account, lockout with doubling waits,
// sessions that end by time, by logout, or when the account is disabled.
#include "web/login.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/password.hpp"
#include "core/totp.hpp"
#include "store/store.hpp"

namespace jz::web {
namespace {

namespace fs = std::filesystem;

const char* const kPassword = "correct horse battery";

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-login-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    auto s = store::open_sqlite((dir_ / "t.db").string(),
                                {.create = true, .clock = [this] { return now_; }});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
    auto hash = hash_password(kPassword);
    ASSERT_TRUE(hash);
    ASSERT_TRUE(accounts().add_user(
        {.name = "wang.li", .role = Role::kResearcher, .password_hash = *hash}, "admin"));
    login_ = std::make_unique<Login>(accounts(), [this] { return now_; });
  }
  void TearDown() override {
    login_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }
  store::Accounts& accounts() { return store_->accounts(); }
  store::User user() { return **accounts().find_user("wang.li"); }
  std::string refusal(std::string_view name, std::string_view password) {
    auto r = login_->log_in(name, password);
    EXPECT_FALSE(r) << name;
    return r ? "" : r.status().message();
  }

  std::string now_ = "2026-11-23T10:00:00Z";
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Login> login_;
};

TEST(UtcPlus, MovesATimestamp) {
  EXPECT_EQ(utc_plus("2026-11-23T23:59:30Z", 45), "2026-11-24T00:00:15Z");
  EXPECT_EQ(utc_plus("2028-02-28T12:00:00Z", 86400), "2028-02-29T12:00:00Z");
  EXPECT_EQ(utc_plus("2026-11-23T10:00:00Z", -3600), "2026-11-23T09:00:00Z");
  EXPECT_EQ(utc_plus("2026-11-23 10:00:00", 1), "");
  EXPECT_EQ(utc_plus("2026-02-30T10:00:00Z", 1), "");
  EXPECT_EQ(utc_seconds("1970-01-01T00:01:00Z"), 60);
  EXPECT_EQ(utc_seconds("2009-02-13T23:31:30Z"), 1234567890);
  EXPECT_FALSE(utc_seconds("yesterday"));
}

TEST_F(LoginTest, LogsInAndOutWithATokenStoredOnlyAsItsHash) {
  auto session = login_->log_in("wang.li", kPassword);
  ASSERT_TRUE(session) << session.status().message();
  EXPECT_EQ(session->token.size(), 64u);
  EXPECT_EQ(session->expires, "2026-11-23T22:00:00Z");
  EXPECT_EQ(session->who.user, "wang.li");
  EXPECT_EQ(session->who.role, Role::kResearcher);
  EXPECT_EQ(session->who.csrf.size(), 64u);
  EXPECT_NE(session->who.csrf, session->token);
  EXPECT_FALSE(*accounts().find_session(session->token));
  EXPECT_TRUE(*accounts().find_session(session_token_hash(session->token)));

  auto who = login_->session(session->token);
  ASSERT_TRUE(who && *who);
  EXPECT_EQ((*who)->user, "wang.li");
  EXPECT_EQ((*who)->csrf, session->who.csrf);
  EXPECT_FALSE(*login_->session("0123"));
  EXPECT_FALSE(*login_->session(""));

  ASSERT_TRUE(login_->log_out(session->token));
  EXPECT_FALSE(*login_->session(session->token));
}

TEST_F(LoginTest, EveryRefusalThatWouldRevealAnAccountSaysTheSame) {
  EXPECT_EQ(refusal("wang.li", "wrong password!"), "wrong name or password");
  EXPECT_EQ(refusal("nobody", kPassword), "wrong name or password");
  ASSERT_TRUE(accounts().set_disabled("wang.li", true, "admin"));
  EXPECT_EQ(refusal("wang.li", kPassword), "wrong name or password");
  EXPECT_EQ(user().failed_logins, 2);
}

TEST_F(LoginTest, FiveFailuresLockTheAccountForDoublingWaits) {
  for (int i = 0; i < 4; ++i) refusal("wang.li", "wrong password!");
  EXPECT_EQ(user().locked_until, "");
  refusal("wang.li", "wrong password!");  // the fifth: one minute
  EXPECT_EQ(user().locked_until, "2026-11-23T10:01:00Z");
  // While locked even the right password is refused, with the time to wait for.
  EXPECT_EQ(refusal("wang.li", kPassword),
            "too many failed logins: this account may try again after 2026-11-23T10:01:00Z (UTC)");
  now_ = "2026-11-23T10:01:00Z";
  refusal("wang.li", "wrong password!");  // the sixth: two minutes
  EXPECT_EQ(user().locked_until, "2026-11-23T10:03:00Z");
  now_ = "2026-11-23T10:03:00Z";
  auto session = login_->log_in("wang.li", kPassword);
  ASSERT_TRUE(session) << session.status().message();
  EXPECT_EQ(user().failed_logins, 0);
  EXPECT_EQ(user().locked_until, "");
}

TEST_F(LoginTest, SessionsEndByTimeWhenDisabledAndSeeRoleChanges) {
  auto session = login_->log_in("wang.li", kPassword);
  ASSERT_TRUE(session);
  ASSERT_TRUE(accounts().set_role("wang.li", Role::kEditor, "admin"));
  EXPECT_EQ((*login_->session(session->token))->role, Role::kEditor);

  now_ = "2026-11-23T21:59:59Z";
  EXPECT_TRUE(*login_->session(session->token));
  now_ = "2026-11-23T22:00:00Z";
  EXPECT_FALSE(*login_->session(session->token));
  EXPECT_FALSE(*accounts().find_session(session_token_hash(session->token)));  // and removed

  // A session nobody looks at again is removed at the next login.
  auto forgotten = login_->log_in("wang.li", kPassword);
  ASSERT_TRUE(forgotten);
  now_ = "2026-11-24T10:00:00Z";
  auto second = login_->log_in("wang.li", kPassword);
  EXPECT_FALSE(*accounts().find_session(session_token_hash(forgotten->token)));
  ASSERT_TRUE(second);
  ASSERT_TRUE(accounts().set_disabled("wang.li", true, "admin"));
  ASSERT_TRUE(accounts().set_disabled("wang.li", false, "admin"));
  EXPECT_FALSE(*login_->session(second->token));  // disabling ended it for good

  auto third = login_->log_in("wang.li", kPassword);
  ASSERT_TRUE(third);
  auto hash = hash_password("another long passphrase");
  ASSERT_TRUE(hash);
  ASSERT_TRUE(accounts().set_password_hash("wang.li", *hash, "wang.li"));
  EXPECT_FALSE(*login_->session(third->token));  // so did a new password
}

TEST_F(LoginTest, AnAuthenticatorCodeIsNeededOnceSetAndWorksOnce) {
  const std::string secret = new_totp_secret();
  ASSERT_TRUE(accounts().set_totp_secret("wang.li", secret, "admin"));
  const std::int64_t step = *utc_seconds(now_) / kTotpStepSeconds;
  auto code = [&](std::int64_t s) { return *totp_code(secret, s); };

  EXPECT_EQ(login_->log_in("wang.li", kPassword).status().message(), kWrongCode);
  EXPECT_EQ(login_->log_in("wang.li", kPassword, "000000").status().message(), kWrongCode);
  EXPECT_EQ(login_->log_in("wang.li", "wrong password!", code(step)).status().message(),
            kWrongPassword);
  EXPECT_EQ(user().failed_logins, 3);  // wrong codes count as wrong passwords do
  ASSERT_TRUE(login_->log_in("wang.li", kPassword, code(step)));
  EXPECT_EQ(user().totp_last_step, step);
  EXPECT_EQ(user().failed_logins, 0);
  // The same code again, as someone who saw it typed would try: refused.
  EXPECT_EQ(login_->log_in("wang.li", kPassword, code(step)).status().message(), kWrongCode);
  EXPECT_TRUE(login_->log_in("wang.li", kPassword, code(step + 1)));

  ASSERT_TRUE(accounts().set_totp_secret("wang.li", "", "admin"));
  EXPECT_TRUE(login_->log_in("wang.li", kPassword));
}

}  // namespace
}  // namespace jz::web
