#include "web/page_cache.hpp"

#include "core/blake2b.hpp"
#include "http/gzip.hpp"

namespace jz::web {
namespace {

std::size_t size_of(const http::Response& r) {
  return r.body.size() + r.gzip_body.size() + 256;
}

}  // namespace

std::shared_ptr<const http::Response> PageCache::find(const std::string& key,
                                                      std::int64_t generation) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) return nullptr;
  return it->second.response;
}

void PageCache::put(const std::string& key, std::int64_t generation,
                    std::shared_ptr<const http::Response> response) {
  std::lock_guard lock(mutex_);
  std::size_t size = size_of(*response) + key.size();
  if (size > max_bytes_ / 4) return;
  if (bytes_ + size > max_bytes_) {
    std::erase_if(entries_, [&](const auto& kv) {
      if (kv.second.generation == generation) return false;
      bytes_ -= size_of(*kv.second.response) + kv.first.size();
      return true;
    });
    if (bytes_ + size > max_bytes_) {
      entries_.clear();
      bytes_ = 0;
    }
  }
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    bytes_ -= size_of(*it->second.response) + key.size();
    entries_.erase(it);
  }
  entries_.emplace(key, Entry{generation, std::move(response)});
  bytes_ += size;
}

void finish_for_cache(http::Response& response) {
  response.headers.emplace_back("ETag", "\"" + to_hex(blake2b(response.body)).substr(0, 32) + "\"");
  if (response.body.size() >= 512 && http::is_compressible_type(response.content_type))
    response.gzip_body = http::gzip(response.body);
}

}  // namespace jz::web
