#include "core/string_pool.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace jz {

namespace {

constexpr std::size_t kFirstSlots = 1024;

std::uint32_t hash_of(std::string_view s) {
  const std::uint64_t h = std::hash<std::string_view>{}(s);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

StringPool::StringPool()
    : chunks_(std::make_unique<std::unique_ptr<std::string_view[]>[]>(kMaxChunks)),
      slots_(kFirstSlots) {}

std::size_t StringPool::slot_of(std::string_view s, std::uint32_t h) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t v = slots_[i];
    if (v == 0 ||
        (static_cast<std::uint32_t>(v >> 32) == h && (*this)[static_cast<Id>(v) - 1] == s))
      return i;
  }
}

void StringPool::grow() {
  std::vector<std::uint64_t> bigger(slots_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const std::uint64_t v : slots_) {
    if (v == 0) continue;
    std::size_t i = (v >> 32) & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = v;
  }
  slots_ = std::move(bigger);
}

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
  const std::uint64_t v = slots_[slot_of(s, hash_of(s))];
  if (v == 0) return std::nullopt;
  return static_cast<Id>(v) - 1;
}

std::size_t StringPool::size() const {
  std::lock_guard lock(mutex_);
  return next_;
}

StringPool::Id StringPool::add(std::string_view s) {
  const std::uint32_t h = hash_of(s);
  std::size_t slot = slot_of(s, h);
  if (slots_[slot] != 0) return static_cast<Id>(slots_[slot]) - 1;
  if ((next_ >> kChunkBits) >= kMaxChunks)
    throw std::length_error("StringPool: more strings than it can number");
  // Whatever can fail is done before the string has a number.
  if ((std::size_t{next_} + 1) * 2 > slots_.size()) {
    grow();
    slot = slot_of(s, h);
  }
  // A long string gets a block of its own; a short one goes where the last block has room.
  char* at = nullptr;
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
  slots_[slot] = (std::uint64_t{h} << 32) | (std::uint64_t{id} + 1);
  ++next_;
  return id;
}

bool PooledStrings::operator==(const PooledStrings& o) const {
  if (size() != o.size()) return false;
  if (pool_ == o.pool_) return ids_ == o.ids_;  // a pool numbers each string once
  return std::equal(begin(), end(), o.begin());
}

}  // namespace jz
