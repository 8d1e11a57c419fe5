#include "core/string_pool.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace jz {

std::size_t StringPool::Hash::operator()(std::string_view s) const {
  return std::hash<std::string_view>{}(s);
}

StringPool::StringPool()
    : chunks_(std::make_unique<std::unique_ptr<std::string_view[]>[]>(kMaxChunks)),
      ids_(0, Hash{this}, Equal{this}) {}

StringPool::Id StringPool::intern(std::string_view s) {
  std::lock_guard lock(mutex_);
  return add(s);
}

std::vector<StringPool::Id> StringPool::intern(const std::vector<std::string>& items) {
  std::vector<Id> out;
  out.reserve(items.size());
  std::lock_guard lock(mutex_);
  for (const auto& s : items) out.push_back(add(s));
  return out;
}

std::optional<StringPool::Id> StringPool::find(std::string_view s) const {
  std::lock_guard lock(mutex_);
  if (auto it = ids_.find(s); it != ids_.end()) return *it;
  return std::nullopt;
}

std::size_t StringPool::size() const {
  std::lock_guard lock(mutex_);
  return next_;
}

StringPool::Id StringPool::add(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return *it;
  if ((next_ >> kChunkBits) >= kMaxChunks)
    throw std::length_error("StringPool: more strings than it can number");
  // A long string gets a block of its own; a short one goes where the last block has room.
  char* at = nullptr;
  // Whatever can fail is done before the string has a number.
  if ((next_ & kChunkMask) == 0)
    chunks_[next_ >> kChunkBits] =
        std::make_unique<std::string_view[]>(std::size_t{kChunkMask} + 1);
  if (s.size() > kBlockBytes / 4) {
    blocks_.push_back(std::make_unique<char[]>(s.size()));
    at = blocks_.back().get();
  } else {
    if (s.size() > block_left_) {
      blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
      block_free_ = blocks_.back().get();
      block_left_ = kBlockBytes;
    }
    at = block_free_;
    block_free_ += s.size();
    block_left_ -= s.size();
  }
  if (!s.empty()) std::memcpy(at, s.data(), s.size());
  const Id id = next_;
  chunks_[id >> kChunkBits][id & kChunkMask] = std::string_view(at, s.size());
  ids_.insert(id);
  ++next_;
  return id;
}

bool PooledStrings::operator==(const PooledStrings& o) const {
  if (size() != o.size()) return false;
  if (pool_ == o.pool_) return ids_ == o.ids_;  // a pool numbers each string once
  return std::equal(begin(), end(), o.begin());
}

}  // namespace jz
