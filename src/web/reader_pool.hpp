#pragma once
// Store readers for the server's workers: SQLite connections are not shared between
// threads, so each request borrows one and gives it back. Readers are opened on demand,
// so the pool grows to the number of requests handled at once (the worker count).
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.hpp"

namespace jz::web {

class ReaderPool {
 public:
  using Open = std::function<Result<std::unique_ptr<store::Store>>()>;
  explicit ReaderPool(Open open) : open_(std::move(open)) {}

  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<store::Store> store)
        : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    ReaderPool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  Result<Lease> acquire();
  // Closes the readers no one holds: what they hold goes with them (an export's snapshots,
  // which keep SQLite from folding its WAL back into the database).
  void close_idle();

 private:
  Open open_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace jz::web
