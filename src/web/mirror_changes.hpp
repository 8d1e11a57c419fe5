#pragma once
// What changed in the store since an earlier mirror export, as the read keys
// (page_reads.hpp) a page must hold to need rendering again.
#include <cstdint>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "core/string_map.hpp"
#include "store/store.hpp"

namespace jz::web {

// The hash of the revision at `generation` (the head, for the state), "" for an empty store.
Result<std::string> revision_hash(store::Store& store, std::int64_t generation);

// For every record changed after revision `since` (whose hash was `since_hash`): "r:ID",
// "u:KIND", "u:*", "to:X" for each X it points at now (a referrer it stopped pointing at was
// read as "r:ID"), and "k:KIND", "k:*" when the change can move it in or out of a list or
// within one (new, or its visibility, slug or facets changed). Nothing when `since` is not
// in this store's chain with that hash: another database, or history rewritten; then every
// page must be rendered.
Result<std::optional<StringSet>> changed_reads(store::Store& store, std::int64_t since,
                                               const std::string& since_hash);

}  // namespace jz::web
