#include "search/tokenize_ahead.hpp"

#include <stdexcept>

namespace jz::search {

TokenizeAhead::TokenizeAhead(std::span<const SearchDocument> docs)
    : docs_(docs), worker_([this] { work(); }) {}

TokenizeAhead::~TokenizeAhead() {
  // All released: the worker stops waiting for a slot and ends at its next check.
  released_.store(kDone, std::memory_order_release);
  released_.notify_one();
  worker_.join();
}

void TokenizeAhead::tokenize(const SearchDocument& doc, Texts* out) {
  const std::string* columns[] = {&doc.names, &doc.pinyin, &doc.title, &doc.body};
  for (std::size_t c = 0; c < out->size(); ++c)
    (*out)[c].tokenize(*columns[c], TokenizeFor::kDocument);
}

void TokenizeAhead::work() {
  try {
    for (std::size_t i = 0; i < docs_.size(); ++i) {
      for (;;) {
        std::size_t released = released_.load(std::memory_order_acquire);
        if (released == kDone) return;
        if (i < released + kAhead) break;
        released_.wait(released, std::memory_order_acquire);
      }
      tokenize(docs_[i], &slots_[i % kAhead]);
      ready_.store(i + 1, std::memory_order_release);
      ready_.notify_one();
    }
  } catch (...) {
    failed_ = std::current_exception();
    ready_.store(kFailed, std::memory_order_release);
    ready_.notify_one();
  }
}

const TokenizeAhead::Texts& TokenizeAhead::texts(std::size_t k) {
  if (k >= docs_.size()) throw std::logic_error("TokenizeAhead::texts: no such document");
  // Waking the worker is a system call when it waits for a slot, which it mostly does (it
  // is faster): so release slots kRelease at a time.
  if (k % kRelease == 0) {
    released_.store(k, std::memory_order_release);
    released_.notify_one();
  }
  std::size_t ready = ready_.load(std::memory_order_acquire);
  while (ready <= k) {
    ready_.wait(ready, std::memory_order_acquire);
    ready = ready_.load(std::memory_order_acquire);
  }
  if (ready == kFailed) std::rethrow_exception(failed_);
  return slots_[k % kAhead];
}

}  // namespace jz::search
