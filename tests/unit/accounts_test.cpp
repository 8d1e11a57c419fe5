// Accounts: names, roles and passwords are checked before anything is stored; the store
// keeps an Argon2id hash, logs every change with who made it, and a change inside a store
// transaction that fails leaves no trace.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/password.hpp"
#include "core/role.hpp"
#include "core/user_name.hpp"
#include "store/store.hpp"

namespace jz {
namespace {

namespace fs = std::filesystem;

TEST(UserName, AcceptsLowerCaseAsciiStartingWithALetter) {
  for (const char* good : {"wang.li", "li_qiang-2", "ab"})
    EXPECT_TRUE(check_user_name(good)) << good;
  for (const char* bad :
       {"a", "Wang", "2wang", "wang li", "王丽", "x234567890123456789012345678901234"}) {
    Status s = check_user_name(bad);
    EXPECT_FALSE(s) << bad;
    EXPECT_NE(s.message().find("use 2 to 32 lower-case letters"), std::string::npos) << s.message();
  }
}

TEST(Role, ParsesTheFourRolesInOrder) {
  EXPECT_EQ(*parse_role("admin"), Role::kAdmin);
  EXPECT_EQ(role_name(*parse_role("researcher")), "researcher");
  EXPECT_TRUE(at_least(Role::kEditor, Role::kResearcher));
  EXPECT_FALSE(at_least(Role::kContributor, Role::kResearcher));
  auto bad = parse_role("Editor");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().message(),
            "unknown role \"Editor\": use admin, editor, researcher or contributor");
}

TEST(Password, RulesForANewOne) {
  EXPECT_TRUE(check_new_password("correct horse battery", "wang.li"));
  EXPECT_TRUE(check_new_password("我的密码是一句很长的话啊", "wang.li"));  // 12 characters
  EXPECT_FALSE(check_new_password("我的密码是一句很长的话", "wang.li"));   // 11
  EXPECT_FALSE(check_new_password("short", "wang.li"));
  EXPECT_FALSE(check_new_password("wang.li.wang.li", "wang.li.wang.li"));
  EXPECT_FALSE(check_new_password(std::string(1025, 'x'), "wang.li"));
  EXPECT_FALSE(check_new_password("abcdefghijk\xff", "wang.li"));
}

TEST(Password, HashIsArgon2idSaltedAndChecks) {
  auto a = hash_password("correct horse battery");
  auto b = hash_password("correct horse battery");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->rfind("$argon2id$", 0), 0u) << *a;
  EXPECT_NE(*a, *b);  // a fresh salt each time
  EXPECT_EQ(a->find("correct"), std::string::npos);
  EXPECT_TRUE(password_matches(*a, "correct horse battery"));
  EXPECT_TRUE(password_matches(*b, "correct horse battery"));
  EXPECT_FALSE(password_matches(*a, "correct horse batter"));
  EXPECT_FALSE(password_matches("not a hash", "correct horse battery"));
}

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-accounts-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    auto s = store::open_sqlite((dir_ / "t.db").string(),
                                {.create = true, .clock = fixed_clock("2026-11-23T10:00:00Z")});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  store::Accounts& accounts() { return store_->accounts(); }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(AccountsTest, AddChangeAndLog) {
  ASSERT_TRUE(accounts().add_user({.name = "wang.li", .role = Role::kEditor, .password_hash = "h1"},
                                  "admin"));
  Status again = accounts().add_user({.name = "wang.li", .password_hash = "h2"}, "admin");
  EXPECT_EQ(again.code(), Code::kConflict);
  ASSERT_TRUE(accounts().set_role("wang.li", Role::kAdmin, "root"));
  ASSERT_TRUE(accounts().set_password_hash("wang.li", "h3", "wang.li"));
  ASSERT_TRUE(accounts().set_disabled("wang.li", true, "root"));
  EXPECT_EQ(accounts().set_role("nobody", Role::kAdmin, "root").code(), Code::kNotFound);

  auto user = accounts().find_user("wang.li");
  ASSERT_TRUE(user && *user);
  EXPECT_EQ((*user)->role, Role::kAdmin);
  EXPECT_EQ((*user)->password_hash, "h3");
  EXPECT_TRUE((*user)->disabled);
  EXPECT_EQ((*user)->created, "2026-11-23T10:00:00Z");
  EXPECT_FALSE(*accounts().find_user("nobody"));
  auto all = accounts().users();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().name, "wang.li");
  EXPECT_EQ(all->front().role, Role::kAdmin);
  EXPECT_TRUE(all->front().disabled);
  EXPECT_EQ(all->front().created, "2026-11-23T10:00:00Z");
  EXPECT_EQ(all->front().failed_logins, 0);

  auto events = accounts().account_events(10);
  ASSERT_TRUE(events);
  std::vector<std::string> seen;
  for (const auto& e : *events) seen.push_back(e.actor + ": " + e.user + " " + e.action);
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "root: wang.li disabled", "wang.li: wang.li password changed",
                      "root: wang.li role set to admin", "admin: wang.li added as editor"}));
}

TEST_F(AccountsTest, ChangeInAFailedTransactionLeavesNoTrace) {
  Status s = store_->transaction([&]() -> Status {
    EXPECT_TRUE(accounts().add_user({.name = "zhao.min", .password_hash = "h"}, "admin"));
    return Status::invalid("changed my mind");
  });
  EXPECT_FALSE(s);
  EXPECT_FALSE(*accounts().find_user("zhao.min"));
  EXPECT_TRUE(accounts().account_events(10)->empty());
  EXPECT_TRUE(accounts().users()->empty());
}

}  // namespace
}  // namespace jz
