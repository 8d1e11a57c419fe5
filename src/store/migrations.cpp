#include "store/migrations.hpp"

#include <array>
#include <string>

#include "store/facet_index.hpp"
#include "store/fts5_search_index.hpp"

namespace jz::store {
namespace {

// A migration is SQL, and optionally a step in C++ for what SQL cannot compute (facets are
// derived from decoded records), run in the same transaction.
struct Migration {
  std::string_view sql;
  Status (*fill)(Database&) = nullptr;
};

const std::array<Migration, 7> kMigrations = {
    // 1: records, their references, the revision chain.
    Migration{R"sql(
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
)sql"},
    // 2: facets for public lists; indexes for lists by kind in order of change.
    Migration{R"sql(
CREATE TABLE facets (
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  record_id TEXT NOT NULL REFERENCES records (id),
  PRIMARY KEY (kind, name, value, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX facets_by_record ON facets (record_id);
CREATE INDEX records_by_kind_updated ON records (kind, updated);
)sql",
              index_all_facets},
    // 3: the first public search index. Migration 4 replaces it and builds its entries.
    Migration{R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(names, pinyin, title, body, tokenize = 'jianzheng');
INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 1.0)');
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
) STRICT;
CREATE TABLE search_facets (
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  doc INTEGER NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (name, value, doc)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_facets_by_doc ON search_facets (doc);
)sql"},
    // 4: the public search index (store/fts5_search_index.hpp): facets in search_docs for
    // counting in memory, generations to follow changes, names and titles also on their own
    // (search_head), documents with fewer terms.
    Migration{"DROP TABLE search_facets; DROP TABLE search_docs; DROP TABLE search_text;",
              create_search_index},
    // 5: accounts of the documentation team (store/accounts.hpp), their sessions, and the
    // log of every change to them.
    Migration{R"sql(
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'researcher', 'contributor')),
  password_hash TEXT NOT NULL,  -- Argon2id (core/password.hpp), never the password
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,  -- in a row, since the last good one
  locked_until TEXT NOT NULL DEFAULT '',     -- no login before this time ('' = none)
  totp_secret TEXT NOT NULL DEFAULT '',      -- base32 (core/totp.hpp); '' = no second factor
  totp_last_step INTEGER NOT NULL DEFAULT 0, -- of the last code accepted: each works once
  created TEXT NOT NULL,
  updated TEXT NOT NULL
) STRICT;
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,  -- BLAKE2b of the cookie's token: the file alone opens none
  user TEXT NOT NULL REFERENCES users (name),
  csrf TEXT NOT NULL,           -- what every form of this session must send back
  created TEXT NOT NULL,
  expires TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user);
CREATE TABLE account_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,  -- who made the change: an account, or the system user of the CLI
  user TEXT NOT NULL,   -- whose account changed
  action TEXT NOT NULL
) STRICT;
)sql"},
    // 6: review before publication (store/drafts.hpp, store/workflow.hpp): who approved each
    // revision, drafts waiting apart from the records, and every step of their review. And
    // every search document written again: they no longer hold the years of links.
    Migration{R"sql(
ALTER TABLE revisions ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  record_id TEXT NOT NULL UNIQUE,     -- one open draft per record
  kind TEXT NOT NULL,
  base_revision INTEGER NOT NULL,     -- 0 for a new record
  state TEXT NOT NULL CHECK (state IN ('draft', 'in_review')),
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  body TEXT NOT NULL,                 -- the proposed record, canonical JSON
  review_note TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
) STRICT;
CREATE TABLE draft_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  draft INTEGER NOT NULL,  -- kept after the draft is published or discarded
  record_id TEXT NOT NULL,
  action TEXT NOT NULL
) STRICT;
)sql",
              index_public_records},
    // 7: per-record grants (Accounts::grant): an account may read one more record.
    Migration{R"sql(
CREATE TABLE record_grants (
  user TEXT NOT NULL REFERENCES users (name),
  record_id TEXT NOT NULL REFERENCES records (id),
  PRIMARY KEY (user, record_id)
) STRICT, WITHOUT ROWID;
)sql"},
};

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

static Result<int> user_version(Database& db) {
  auto q = db.prepare("PRAGMA user_version");
  if (!q) return q.status();
  Status s;
  if (!q->step(&s)) return s.is_ok() ? Status::internal("PRAGMA user_version returned nothing") : s;
  return static_cast<int>(q->integer(0));
}

Status check_schema(Database& db) {
  auto version = user_version(db);
  if (!version) return version.status();
  if (*version != schema_version())
    return Status::invalid("schema version " + std::to_string(*version) + ", expected " +
                           std::to_string(schema_version()) +
                           "; open it once read-write (any jianzheng command) to upgrade it");
  return Status::ok();
}

Status migrate(Database& db) {
  auto current = user_version(db);
  if (!current) return current.status();
  int version = *current;
  if (version > schema_version())
    return Status::invalid("this database has schema version " + std::to_string(version) +
                           " but this program knows only up to " +
                           std::to_string(schema_version()) + "; use a newer jianzheng");
  for (int v = version; v < schema_version(); ++v) {
    JZ_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
    const Migration& m = kMigrations[static_cast<std::size_t>(v)];
    Status step = db.exec(m.sql);
    if (step.is_ok() && m.fill) step = m.fill(db);
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
