#pragma once
// Tokenizes documents on a second thread while the caller writes the ones before them into
// an engine, one by one and in order: the engine (FTS5) writes on one thread only, and
// tokenizing is a sixth of its time (docs/BENCHMARKS.md), so this takes it off that thread.
//
//   TokenizeAhead ahead(docs);
//   for (k = 0; k < docs.size(); ++k) { const auto& texts = ahead.texts(k); ...write docs[k]... }
//
// The worker runs at most kAhead documents ahead and reuses their slots, so memory stays
// small for any number of documents. The destructor stops and joins it.
#include <array>
#include <atomic>
#include <exception>
#include <limits>
#include <span>
#include <thread>

#include "search/search_index.hpp"
#include "search/tokenized_text.hpp"

namespace jz::search {

class TokenizeAhead {
 public:
  // The texts of a document in the order FTS5 and the other engines see its columns.
  using Texts = std::array<TokenizedText, 4>;  // names, pinyin, title, body

  explicit TokenizeAhead(std::span<const SearchDocument> docs);
  ~TokenizeAhead();
  TokenizeAhead(const TokenizeAhead&) = delete;
  TokenizeAhead& operator=(const TokenizeAhead&) = delete;

  // The document terms of docs[k], waiting for the worker if it is not there yet. Calls
  // must go k = 0, 1, 2, ...: asking for k (every kRelease-th) hands the slots before it
  // back to the worker, so the texts of k stay valid until k + 1 is asked for. An exception
  // of the worker's (out of memory) is thrown here.
  const Texts& texts(std::size_t k);

 private:
  static constexpr std::size_t kAhead = 64;    // slots: how far the worker may run ahead
  static constexpr std::size_t kRelease = 16;  // slots handed back at a time
  // ready_ when the worker failed; released_ when the caller is done.
  static constexpr std::size_t kFailed = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t kDone = std::numeric_limits<std::size_t>::max();

  static void tokenize(const SearchDocument& doc, Texts* out);
  void work();

  std::span<const SearchDocument> docs_;
  std::array<Texts, kAhead> slots_;
  std::atomic<std::size_t> ready_{0};     // documents tokenized
  std::atomic<std::size_t> released_{0};  // documents whose slot may be reused
  std::exception_ptr failed_;             // set before ready_ becomes kFailed
  std::thread worker_;                    // last: starts once the rest is built
};

}  // namespace jz::search
