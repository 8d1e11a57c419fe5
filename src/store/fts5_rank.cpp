#include "store/fts5_rank.hpp"

#include <string>
#include <vector>

#include "store/fts5_api.hpp"

namespace jz::store {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Per query: the average row length, and each phrase's weighted hits in the current row.
struct RankData {
  double average_tokens = 1;
  std::vector<double> hits;
};

Result<RankData*> rank_data(const Fts5ExtensionApi* api, Fts5Context* fts) {
  if (auto* data = static_cast<RankData*>(api->xGetAuxdata(fts, 0))) return data;
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return Status::internal("jz_rank: reading the table's sizes");
  auto* data = new RankData;
  if (rows > 0 && tokens > 0)
    data->average_tokens = static_cast<double>(tokens) / static_cast<double>(rows);
  data->hits.resize(static_cast<std::size_t>(api->xPhraseCount(fts)));
  if (api->xSetAuxdata(fts, data, [](void* p) { delete static_cast<RankData*>(p); }) != SQLITE_OK)
    return Status::internal("jz_rank: out of memory");
  return data;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int weights,
          sqlite3_value** weight) {
  auto data = rank_data(api, fts);
  if (!data) {
    sqlite3_result_error(context, data.status().message().c_str(), -1);
    return;
  }
  std::vector<double>& hits = (*data)->hits;
  std::fill(hits.begin(), hits.end(), 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && column < weights)
      hits[static_cast<std::size_t>(phrase)] += sqlite3_value_double(weight[column]);
  }
  int tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  const double length = 1 - kB + kB * tokens / (*data)->average_tokens;
  double score = 0;
  for (double f : hits) score += f * (kK1 + 1) / (f + kK1 * length);
  sqlite3_result_double(context, -score);
}

}  // namespace

Status register_search_rank(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api) return Status::internal("this SQLite has no FTS5; install Debian's libsqlite3-0");
  if (api->xCreateFunction(api, "jz_rank", nullptr, rank, nullptr) != SQLITE_OK)
    return Status::internal(std::string("registering jz_rank: ") + sqlite3_errmsg(db));
  return Status::ok();
}

}  // namespace jz::store
