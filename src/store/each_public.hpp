#pragma once
// Every public record of a list, visited in the list's order: the whole list in one query,
// each record read as it is visited. Pages that gather a whole kind (violations, priorities,
// lawyers, engagements, indicators) walked it in OFFSET batches, and each batch made SQLite
// step over every record before it again: quadratic in the kind's size.
#include <functional>

#include "core/redact.hpp"
#include "store/store.hpp"

namespace jz::store {

// Calls `visit` with the public view of each record `query` lists (its offset and limit are
// ignored), stopping at the first error it returns. Without a snapshot (the live site) a record
// changed since the ids were read is visited as it is now, and skipped if it is gone or hidden;
// a mirror export's readers hold one snapshot, so there it cannot happen.
Status each_public(Store& store, const IsPublic& visible, ListQuery query,
                   const std::function<Status(Record)>& visit);

}  // namespace jz::store
