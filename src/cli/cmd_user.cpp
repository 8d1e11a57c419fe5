// jianzheng user add|passwd|role|disable|enable|totp|grant|revoke|grants|list|log: the
// team's accounts and per-record grants. Every
// change is logged with who made it ($USER) and is all or nothing.
#include <iomanip>
#include <iostream>

#include "cli/command.hpp"
#include "cli/read_password.hpp"
#include "core/password.hpp"
#include "core/totp.hpp"
#include "core/user_name.hpp"

namespace jz::cli {
namespace {

// A new password for `name`, read, checked and hashed.
Result<std::string> new_password_hash(const std::string& name) {
  auto password = read_new_password();
  if (!password) return password.status();
  JZ_RETURN_IF_ERROR(check_new_password(*password, name));
  return hash_password(*password);
}

// Runs `work` on the store's accounts; prints the error and sets the exit code on failure.
template <class Work>
void with_accounts(Globals& g, Work&& work) {
  auto store = open_store(g);
  if (!store) {
    g.exit_code = 1;
    return;
  }
  Status s = work(store->accounts());
  if (!s) g.exit_code = fail(s);
}

}  // namespace

void add_user(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "user", "Manage the team's accounts (the password is typed, or piped as one line)");
  cmd->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>("contributor");
  auto limit = std::make_shared<std::int64_t>(50);

  auto* add = cmd->add_subcommand("add", "Create an account and set its password");
  add->add_option("name", *name, "account name, e.g. wang.li")->required();
  add->add_option("--role", *role, "admin, editor, researcher or contributor")
      ->capture_default_str();
  add->callback([&g, name, role] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      JZ_RETURN_IF_ERROR(check_user_name(*name));
      auto parsed = parse_role(*role);
      if (!parsed) return parsed.status();
      auto taken = accounts.find_user(*name);
      if (!taken) return taken.status();
      if (*taken) return Status::conflict("an account named " + *name + " exists already");
      auto hash = new_password_hash(*name);
      if (!hash) return hash.status();
      JZ_RETURN_IF_ERROR(accounts.add_user({.name = *name, .role = *parsed, .password_hash = *hash},
                                           default_author()));
      std::cout << "added " << *name << " (" << role_name(*parsed) << ")\n";
      return Status::ok();
    });
  });

  auto* passwd = cmd->add_subcommand("passwd", "Set an account's password");
  passwd->add_option("name", *name, "account name")->required();
  passwd->callback([&g, name] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      auto user = accounts.find_user(*name);
      if (!user) return user.status();
      if (!*user)
        return Status::not_found("no account named " + *name +
                                 "; `jianzheng user list` shows them");
      auto hash = new_password_hash(*name);
      if (!hash) return hash.status();
      JZ_RETURN_IF_ERROR(accounts.set_password_hash(*name, *hash, default_author()));
      std::cout << "password of " << *name << " changed\n";
      return Status::ok();
    });
  });

  auto* set_role = cmd->add_subcommand("role", "Give an account another role");
  set_role->add_option("name", *name, "account name")->required();
  set_role->add_option("role", *role, "admin, editor, researcher or contributor")->required();
  set_role->callback([&g, name, role] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      auto parsed = parse_role(*role);
      if (!parsed) return parsed.status();
      JZ_RETURN_IF_ERROR(accounts.set_role(*name, *parsed, default_author()));
      std::cout << *name << " is now " << role_name(*parsed) << "\n";
      return Status::ok();
    });
  });

  for (bool disable : {true, false}) {
    auto* sub = cmd->add_subcommand(disable ? "disable" : "enable",
                                    disable ? "Stop an account from logging in (it is kept, "
                                              "with its history)"
                                            : "Let a disabled account log in again");
    sub->add_option("name", *name, "account name")->required();
    sub->callback([&g, name, disable] {
      with_accounts(g, [&](store::Accounts& accounts) -> Status {
        JZ_RETURN_IF_ERROR(accounts.set_disabled(*name, disable, default_author()));
        std::cout << *name << (disable ? " disabled\n" : " enabled\n");
        return Status::ok();
      });
    });
  }

  auto remove = std::make_shared<bool>(false);
  auto* totp = cmd->add_subcommand(
      "totp", "Give an account a second factor: a new authenticator secret, printed once");
  totp->add_option("name", *name, "account name")->required();
  totp->add_flag("--remove", *remove, "remove the account's second factor instead");
  totp->callback([&g, name, remove] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      std::string secret = *remove ? "" : new_totp_secret();
      JZ_RETURN_IF_ERROR(accounts.set_totp_secret(*name, secret, default_author()));
      if (*remove) {
        std::cout << *name << " logs in with a password only\n";
        return Status::ok();
      }
      std::cout << "secret: " << secret << "\n"
                << "link:   " << totp_uri(secret, *name) << "\n"
                << "Give these to " << *name
                << " in person, to add to an authenticator app "
                   "(Aegis, FreeOTP, Google Authenticator ...); from now on the login asks for "
                   "its 6-digit code.\n";
      return Status::ok();
    });
  });

  auto* list =
      cmd->add_subcommand("list", "Every account: name, role, state, second factor, created");
  list->callback([&g] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      auto users = accounts.users();
      if (!users) return users.status();
      for (const auto& u : *users)
        std::cout << std::left << std::setw(34) << u.name << std::setw(13) << role_name(u.role)
                  << std::setw(10) << (u.disabled ? "disabled" : "active") << std::setw(10)
                  << (u.totp_secret.empty() ? "password" : "+code") << u.created << "\n";
      std::cout << users->size() << " account(s)\n";
      return Status::ok();
    });
  });

  auto record = std::make_shared<std::string>();
  for (bool give : {true, false}) {
    auto* sub = cmd->add_subcommand(
        give ? "grant" : "revoke",
        give ? "Let an account read (and draft changes to) one record its role may not read"
             : "Take a grant back");
    sub->add_option("name", *name, "account name")->required();
    sub->add_option("record", *record, "record id")->required();
    sub->callback([&g, name, record, give] {
      with_accounts(g, [&](store::Accounts& accounts) -> Status {
        JZ_RETURN_IF_ERROR(give ? accounts.grant(*name, *record, default_author())
                                : accounts.revoke(*name, *record, default_author()));
        std::cout << *name << (give ? " may now read " : " may no longer read ") << *record << "\n";
        return Status::ok();
      });
    });
  }
  auto* grants = cmd->add_subcommand("grants", "The records an account was granted, by id");
  grants->add_option("name", *name, "account name")->required();
  grants->callback([&g, name] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      auto ids = accounts.grants_of(*name);
      if (!ids) return ids.status();
      for (const auto& id : *ids) std::cout << id << "\n";
      return Status::ok();
    });
  });

  auto* log = cmd->add_subcommand("log", "Changes to accounts, newest first: when, who, what");
  log->add_option("--limit", *limit, "how many")->capture_default_str();
  log->callback([&g, limit] {
    with_accounts(g, [&](store::Accounts& accounts) -> Status {
      auto events = accounts.account_events(*limit);
      if (!events) return events.status();
      for (const auto& e : *events)
        std::cout << e.at << "  " << e.actor << ": " << e.user << " " << e.action << "\n";
      return Status::ok();
    });
  });
}

}  // namespace jz::cli
