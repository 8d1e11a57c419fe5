#pragma once
// From a stored record to what the public index holds: its public view only (core/redact),
// so a confidential field or a restricted record never reaches the index.
#include <optional>

#include "core/record.hpp"
#include "search/search_index.hpp"

namespace jz::search {

// Nothing for a record that is not public. Events are indexed too: a hit on one leads to
// its case, and its date is what year: filters on.
Result<std::optional<SearchDocument>> search_document(const Record& record);

}  // namespace jz::search
