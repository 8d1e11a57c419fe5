#pragma once
// Registers search/tokenizer.hpp with SQLite's FTS5 as the tokenizer "jianzheng", on one
// connection. Database::open calls it for every connection, so the search table can be
// read and written from any of them.
#include <sqlite3.h>

#include <span>

#include "core/status.hpp"
#include "search/tokenized_text.hpp"

namespace jz::store {

Status register_search_tokenizer(sqlite3* db);

// While one lives, FTS5 calls on this thread that tokenize a document text equal to one of
// `texts`' sources get that text's terms as they are (tokenized already, on another thread:
// search/tokenize_ahead.hpp). Any other text is tokenized as usual, so the terms are the
// same either way.
class ReplayTerms {
 public:
  explicit ReplayTerms(std::span<const search::TokenizedText> texts);
  ~ReplayTerms();
  ReplayTerms(const ReplayTerms&) = delete;
  ReplayTerms& operator=(const ReplayTerms&) = delete;

 private:
  std::span<const search::TokenizedText> previous_;
};

}  // namespace jz::store
