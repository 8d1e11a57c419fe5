#include "store/fts5_tokenizer.hpp"

#include <string>

#include "search/tokenizer.hpp"
#include "store/fts5_api.hpp"

namespace jz::store {
namespace {

// The tokenizer keeps no state, so every instance is the same non-null pointer.
int create(void*, const char**, int args, Fts5Tokenizer** out) {
  if (args != 0) return SQLITE_ERROR;
  static int instance;
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

int tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int length,
             int (*token)(void*, int, const char*, int, int, int)) {
  auto mode =
      (flags & FTS5_TOKENIZE_QUERY) ? search::TokenizeFor::kQuery : search::TokenizeFor::kDocument;
  int rc = SQLITE_OK;
  search::tokenize(std::string_view(text, static_cast<std::size_t>(length)), mode,
                   [&](std::string_view term, std::size_t start, std::size_t end, bool colocated) {
                     rc = token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(),
                                static_cast<int>(term.size()), static_cast<int>(start),
                                static_cast<int>(end));
                     return rc == SQLITE_OK;
                   });
  return rc;
}

}  // namespace

Status register_search_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api) return Status::internal("this SQLite has no FTS5; install Debian's libsqlite3-0");
  static fts5_tokenizer tokenizer{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "jianzheng", nullptr, &tokenizer, nullptr) != SQLITE_OK)
    return Status::internal(std::string("registering the search tokenizer: ") + sqlite3_errmsg(db));
  return Status::ok();
}

}  // namespace jz::store
