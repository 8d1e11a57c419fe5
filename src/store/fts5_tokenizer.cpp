#include "store/fts5_tokenizer.hpp"

#include <cstring>
#include <string>

#include "search/tokenizer.hpp"
#include "store/fts5_api.hpp"

namespace jz::store {
namespace {

thread_local std::span<const search::TokenizedText> replaying;

// The tokenizer keeps no state, so every instance is the same non-null pointer.
int create(void*, const char**, int args, Fts5Tokenizer** out) {
  if (args != 0) return SQLITE_ERROR;
  static int instance;
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

const search::TokenizedText* tokenized_already(std::string_view text) {
  for (const auto& t : replaying)
    if (t.source().size() == text.size() &&
        (text.empty() || t.source().data() == text.data() ||
         std::memcmp(t.source().data(), text.data(), text.size()) == 0))
      return &t;
  return nullptr;
}

int hand_over(void* context, TokenCallback token, std::string_view term, std::size_t start,
              std::size_t end, bool colocated) {
  return token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(),
               static_cast<int>(term.size()), static_cast<int>(start), static_cast<int>(end));
}

int replay(const search::TokenizedText& terms, void* context, TokenCallback token) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    auto t = terms[i];
    if (int rc = hand_over(context, token, t.text, t.start, t.end, t.colocated); rc != SQLITE_OK)
      return rc;
  }
  return SQLITE_OK;
}

int tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int length,
             TokenCallback token) {
  std::string_view source(text, static_cast<std::size_t>(length));
  auto mode =
      (flags & FTS5_TOKENIZE_QUERY) ? search::TokenizeFor::kQuery : search::TokenizeFor::kDocument;
  if (mode == search::TokenizeFor::kDocument)
    if (const auto* terms = tokenized_already(source)) return replay(*terms, context, token);
  int rc = SQLITE_OK;
  search::tokenize(source, mode,
                   [&](std::string_view term, std::size_t start, std::size_t end, bool colocated) {
                     rc = hand_over(context, token, term, start, end, colocated);
                     return rc == SQLITE_OK;
                   });
  return rc;
}

}  // namespace

ReplayTerms::ReplayTerms(std::span<const search::TokenizedText> texts) : previous_(replaying) {
  replaying = texts;
}

ReplayTerms::~ReplayTerms() {
  replaying = previous_;
}

Status register_search_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api) return Status::internal("this SQLite has no FTS5; install Debian's libsqlite3-0");
  static fts5_tokenizer tokenizer{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "jianzheng", nullptr, &tokenizer, nullptr) != SQLITE_OK)
    return Status::internal(std::string("registering the search tokenizer: ") + sqlite3_errmsg(db));
  return Status::ok();
}

}  // namespace jz::store
