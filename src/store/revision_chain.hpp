#pragma once
// The hash that links each revision to the one before it. Writer and verifier share this one
// function, so what is checked is exactly what was written.
#include <string>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace jz::store {

// BLAKE2b-256 hex over prev_hash and every field of the revision, each length-prefixed so
// that no two different revisions hash the same bytes. The reviewer is hashed only when
// there is one, so revisions written before reviews existed keep their hashes.
std::string revision_hash(const Revision& r);

// The columns a Revision is read from, in order: "SELECT " JZ_REVISION_COLUMNS " FROM ...".
#define JZ_REVISION_COLUMNS \
  "seq, record_id, revision, author, at, reason, snapshot, prev_hash, hash, reviewer"
Revision read_revision(const Statement& row);

}  // namespace jz::store
