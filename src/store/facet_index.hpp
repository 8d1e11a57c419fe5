#pragma once
// The facets table: one row per (record, facet) of each public record, so public lists can
// filter by status, province, kind of facility ... without decoding bodies. Written with the
// record in the same transaction; migration 2 fills it for records written before it.
#include "core/record.hpp"
#include "core/status.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

class FacetIndex {
 public:
  Status prepare(Database& db);
  // Replaces the record's rows with its current public facets.
  Status write(const Record& record, bool existed);

 private:
  Statement delete_, insert_;
};

// Indexes every stored record (migration 2).
Status index_all_facets(Database& db);

}  // namespace jz::store
