#pragma once
// The server's one writing connection, for the team: logins, session lookups and logouts
// (login.hpp holds the rules) and every change made in the workspace (store/workflow.hpp),
// from every worker, one at a time. Public pages never touch it; only routes for the team do.
#include <memory>
#include <mutex>

#include "store/file_store.hpp"
#include "store/store.hpp"
#include "web/login.hpp"

namespace jz::web {

class TeamDesk {
 public:
  TeamDesk(std::unique_ptr<store::Store> writer, store::FileStore files,
           Clock clock = system_clock())
      : writer_(std::move(writer)),
        files_(std::move(files)),
        login_(writer_->accounts(), std::move(clock)) {}

  Result<NewSession> log_in(std::string_view name, std::string_view password,
                            std::string_view code) {
    std::lock_guard lock(mutex_);
    return login_.log_in(name, password, code);
  }
  Result<std::optional<SignedIn>> session(std::string_view token) {
    std::lock_guard lock(mutex_);
    return login_.session(token);
  }
  Status log_out(std::string_view token) {
    std::lock_guard lock(mutex_);
    return login_.log_out(token);
  }
  // Runs `work` with the writing store, alone: `work(store)` returns what write() returns.
  template <class Work>
  auto write(Work&& work) {
    std::lock_guard lock(mutex_);
    return work(*writer_);
  }
  // Files attached to sources (the FileStore is safe to use from several threads: each
  // file is written under a name of its own and renamed into place).
  const store::FileStore& files() const { return files_; }

  // The newest changes to accounts, for the audit view.
  Result<std::vector<store::AccountEvent>> account_events(std::int64_t limit) {
    std::lock_guard lock(mutex_);
    return writer_->accounts().account_events(limit);
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<store::Store> writer_;
  store::FileStore files_;
  Login login_;
};

}  // namespace jz::web
