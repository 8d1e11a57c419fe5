#pragma once
// Strings kept once each and named by a number. A mirror export holds what each of millions
// of pages read and links to: tens of millions of short strings, but few distinct ones (every
// page links to the same navigation). Each kept as its own bytes, they were most of the 17 GB
// a publish of 1M records held; as numbers into one pool, a page's lists are a few hundred
// bytes.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace jz {

class StringPool {
 public:
  using Id = std::uint32_t;

  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // The string's number: the same for the same bytes, from any thread.
  Id intern(std::string_view s);
  // Each of `items` interned, under one lock.
  std::vector<Id> intern(const std::vector<std::string>& items);
  // The number of `s`, if it was interned.
  std::optional<Id> find(std::string_view s) const;

  // The string numbered `id`; it lives as long as the pool. Without a lock: `id` must have
  // reached this thread through one (or a thread's start or join), as the chunk it is in did.
  std::string_view operator[](Id id) const { return chunks_[id >> kChunkBits][id & kChunkMask]; }

  std::size_t size() const;

 private:
  static constexpr unsigned kChunkBits = 16;
  static constexpr Id kChunkMask = (Id{1} << kChunkBits) - 1;
  static constexpr std::size_t kMaxChunks = std::size_t{1} << 14;  // 2^30 strings
  static constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

  Id add(std::string_view s);  // with mutex_ held

  mutable std::mutex mutex_;
  // Views of the strings by number, in chunks that never move, in a table of chunks that never
  // grows: a thread reading a string touches nothing that one adding a chunk writes.
  std::unique_ptr<std::unique_ptr<std::string_view[]>[]> chunks_;
  std::vector<std::unique_ptr<char[]>> blocks_;  // the strings' bytes
  char* block_free_ = nullptr;                   // where the next short string goes
  std::size_t block_left_ = 0;
  Id next_ = 0;
  // The numbers by their strings' hashes, open addressed: each slot holds a hash (high 32
  // bits) and its string's number + 1 (0: empty), and at most half of them are full. Millions
  // of strings cost 16–32 bytes each here, without a node apiece to allocate, free and chase.
  std::vector<std::uint64_t> slots_;
  // With mutex_ held: the slot of `s` (hash `h`), where it is or the empty one it would fill.
  std::size_t slot_of(std::string_view s, std::uint32_t h) const;
  void grow();  // twice the slots
};

// A list of strings of one pool, by number: iterated, compared and indexed as strings.
class PooledStrings {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    iterator() = default;
    iterator(const PooledStrings* list, std::size_t i) : list_(list), i_(i) {}
    std::string_view operator*() const { return (*list_)[i_]; }
    std::string_view operator[](difference_type n) const { return (*list_)[i_ + n]; }
    iterator& operator++() { return *this += 1; }
    iterator operator++(int) {
      iterator was = *this;
      ++i_;
      return was;
    }
    iterator& operator--() { return *this -= 1; }
    iterator operator--(int) {
      iterator was = *this;
      --i_;
      return was;
    }
    iterator& operator+=(difference_type n) {
      i_ += n;
      return *this;
    }
    iterator& operator-=(difference_type n) {
      i_ -= n;
      return *this;
    }
    friend iterator operator+(iterator it, difference_type n) { return it += n; }
    friend iterator operator+(difference_type n, iterator it) { return it += n; }
    friend iterator operator-(iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const iterator& a, const iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }
    auto operator<=>(const iterator& o) const { return i_ <=> o.i_; }

   private:
    const PooledStrings* list_ = nullptr;
    std::size_t i_ = 0;
  };

  using const_iterator = iterator;
  using value_type = std::string_view;

  PooledStrings() = default;
  PooledStrings(StringPool& pool, const std::vector<std::string>& items)
      : pool_(&pool), ids_(pool.intern(items)) {}
  // A list of strings `pool` has numbered already (a braced list of strings would make a
  // vector of numbers from two pointers, so this is not a constructor).
  static PooledStrings of_ids(const StringPool& pool, std::vector<StringPool::Id> ids) {
    PooledStrings list;
    list.pool_ = &pool;
    list.ids_ = std::move(ids);
    return list;
  }

  std::size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  std::string_view operator[](std::size_t i) const { return (*pool_)[ids_[i]]; }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }
  const std::vector<StringPool::Id>& ids() const { return ids_; }
  const StringPool* pool() const { return pool_; }

  // The same strings in the same order, of whichever pools.
  bool operator==(const PooledStrings& o) const;

 private:
  const StringPool* pool_ = nullptr;
  std::vector<StringPool::Id> ids_;
};

// One string of a pool, by number.
class PooledString {
 public:
  PooledString() = default;
  PooledString(StringPool& pool, std::string_view s) : pool_(&pool), id_(pool.intern(s)) {}
  PooledString(const StringPool& pool, StringPool::Id id) : pool_(&pool), id_(id) {}

  std::string_view view() const { return pool_ ? (*pool_)[id_] : std::string_view(); }
  operator std::string_view() const { return view(); }
  std::string str() const { return std::string(view()); }
  StringPool::Id id() const { return id_; }
  const StringPool* pool() const { return pool_; }

  friend bool operator==(const PooledString& a, const PooledString& b) {
    return a.view() == b.view();
  }
  friend bool operator==(const PooledString& a, std::string_view b) { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& out, const PooledString& s) {
    return out << s.view();
  }

 private:
  const StringPool* pool_ = nullptr;
  StringPool::Id id_ = 0;
};

}  // namespace jz
