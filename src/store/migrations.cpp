#include "store/migrations.hpp"

#include <array>
#include <string>

namespace jz::store {
namespace {

constexpr std::array<std::string_view, 1> kMigrations = {
    // 1: records, their references, the revision chain.
    R"sql(
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  slug TEXT NOT NULL,
  -- Not "IN (...)": SQLite 3.40 builds a temporary index for the list on every insert.
  visibility TEXT NOT NULL
    CHECK (visibility = 'public' OR visibility = 'restricted' OR visibility = 'confidential'),
  revision INTEGER NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX records_by_kind_slug ON records (kind, slug);

CREATE TABLE refs (
  from_id TEXT NOT NULL REFERENCES records (id),
  to_id TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX refs_by_target ON refs (to_id);

CREATE TABLE revisions (
  seq INTEGER PRIMARY KEY,
  record_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (record_id, revision)
) STRICT;

CREATE TABLE chain_head (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
)sql",
};

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

Status migrate(Database& db) {
  auto q = db.prepare("PRAGMA user_version");
  if (!q) return q.status();
  Status s;
  if (!q->step(&s)) return s.is_ok() ? Status::internal("PRAGMA user_version returned nothing") : s;
  int version = static_cast<int>(q->integer(0));
  q->reset();
  if (version > schema_version())
    return Status::invalid("this database has schema version " + std::to_string(version) +
                           " but this program knows only up to " +
                           std::to_string(schema_version()) + "; use a newer jianzheng");
  for (int v = version; v < schema_version(); ++v) {
    JZ_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
    Status step = db.exec(kMigrations[static_cast<std::size_t>(v)]);
    if (step.is_ok()) step = db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!step.is_ok()) {
      (void)db.exec("ROLLBACK");
      return step.prefixed("migration " + std::to_string(v + 1) + ": ");
    }
    JZ_RETURN_IF_ERROR(db.exec("COMMIT"));
  }
  return Status::ok();
}

}  // namespace jz::store
