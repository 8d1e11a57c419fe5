#pragma once
// A list of strings kept in one buffer. A mirror export holds what each page read and links
// to, millions of short strings: as std::vector<std::string> each was allocated, copied and
// freed on its own, scattered over the heap, and walking them was mostly cache misses.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace jz {

class StringList {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    iterator() = default;
    iterator(const StringList* list, std::size_t i) : list_(list), i_(i) {}
    std::string_view operator*() const { return (*list_)[i_]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator was = *this;
      ++i_;
      return was;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }

   private:
    const StringList* list_ = nullptr;
    std::size_t i_ = 0;
  };

  using const_iterator = iterator;
  using value_type = std::string_view;

  StringList() = default;
  StringList(std::initializer_list<std::string_view> items) {
    for (auto s : items) push_back(s);
  }
  explicit StringList(const std::vector<std::string>& items) {
    std::size_t bytes = 0;
    for (const auto& s : items) bytes += s.size();
    bytes_.reserve(bytes);
    ends_.reserve(items.size());
    for (const auto& s : items) push_back(s);
  }

  void push_back(std::string_view s) {
    bytes_.append(s);
    ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
  }

  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    const std::uint32_t from = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(from, ends_[i] - from);
  }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

  // The same strings in the same order: the same bytes, cut at the same places.
  bool operator==(const StringList& o) const = default;

 private:
  std::string bytes_;
  std::vector<std::uint32_t> ends_;  // where each string ends in bytes_ (a page's list is KBs)
};

}  // namespace jz
