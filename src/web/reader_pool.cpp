#include "web/reader_pool.hpp"

namespace jz::web {

ReaderPool::Lease::~Lease() {
  if (!store_) return;  // moved from
  std::lock_guard lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(store_));
}

Result<ReaderPool::Lease> ReaderPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  auto store = open_();
  if (!store) return store.status();
  return Lease(*this, std::move(*store));
}

void ReaderPool::close_idle() {
  std::vector<std::unique_ptr<store::Store>> closing;
  {
    std::lock_guard lock(mutex_);
    closing.swap(idle_);
  }
}

}  // namespace jz::web
