#pragma once
// The one path from a stored record to what the public may see. Every public output (site,
// API, search index, feeds, exports) calls public_view(); nothing else decides.
#include <functional>
#include <optional>
#include <string_view>

#include "core/record.hpp"
#include "core/status.hpp"

namespace jz {

// Answers whether the record with this id is public (its visibility is "public").
using IsPublic = std::function<bool(std::string_view id)>;

// The public view of a record, or nothing if the record is not public. Removes the fields
// named in `confidential`, links that are not public or point at non-public records, and
// every reference (citations, case members, event persons ...) to a non-public record.
std::optional<Record> public_view(const Record& record, const IsPublic& is_public);

// Only the first step: the record without its confidential fields. Fails when a hidden
// field was required (the decoder uses this to refuse such records up front).
Result<Record> remove_confidential_fields(const Record& record);

}  // namespace jz
