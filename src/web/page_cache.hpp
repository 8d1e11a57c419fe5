#pragma once
// Rendered responses, kept until the database changes. Each entry remembers the store's
// last_change() it was rendered at; a lookup at a later change misses, so a write from any
// process (an import while the site runs) is visible on the next request. Entries carry
// their gzip and ETag, computed once, so a hit costs a map lookup and a copy.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/response.hpp"

namespace jz::web {

class PageCache {
 public:
  explicit PageCache(std::size_t max_bytes = 64u << 20) : max_bytes_(max_bytes) {}

  // The response cached under `key` at `generation`, if any.
  std::shared_ptr<const http::Response> find(const std::string& key, std::int64_t generation);
  // Keeps a response rendered at `generation`. When the cache is full, everything older
  // goes first, then everything: pages are cheap to render again.
  void put(const std::string& key, std::int64_t generation,
           std::shared_ptr<const http::Response> response);

 private:
  struct Entry {
    std::int64_t generation;
    std::shared_ptr<const http::Response> response;
  };
  std::size_t max_bytes_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

// Fills in what a cached response needs once: a strong ETag over the body and, for text,
// the gzip the server sends to clients that accept it.
void finish_for_cache(http::Response& response);

}  // namespace jz::web
