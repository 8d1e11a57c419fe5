#pragma once
// Facets: the (name, value) pairs that public lists filter on — a person's status,
// province and groups, a facility's kind, a case's topics. Computed from the public fields
// only, so filtering by a value can never reveal a field marked confidential.
#include <string>
#include <vector>

#include "core/record.hpp"

namespace jz {

struct Facet {
  std::string name;
  std::string value;
  bool operator==(const Facet&) const = default;
};

// The facets of a public record (none for a restricted or confidential one). Fails only
// when the record's confidential pointers are invalid, which the decoder already refuses.
Result<std::vector<Facet>> public_facets(const Record& record);

}  // namespace jz
