#pragma once
// What changed between two revisions of a record, field by field, for the editors' history
// view. Works on the canonical JSON the store keeps for each revision, so any two revisions
// (and a record's creation or deletion) compare without decoding them.
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace jz {

struct FieldChange {
  enum class Kind { kAdded, kRemoved, kChanged };
  // JSON Pointer of what changed, e.g. "/body/name/en" or "/body/aliases/1". A removed array
  // element is named by its index in the old revision, an added or changed one by its index
  // in the new, so every path points at its value in the revision that holds it.
  std::string path = {};
  std::string before = {};  // strings as they are, other values as compact JSON; "" if added
  std::string after = {};   // likewise; "" if removed
  Kind kind = Kind::kChanged;
  bool operator==(const FieldChange&) const = default;
};

// The changes from `before_json` to `after_json` (canonical record JSON, core/record_json.hpp;
// "" means no record, so a creation lists every field as added), in document order.
// - Objects, Text included, are compared key by key down to their leaves, so one changed
//   language of a name shows alone.
// - Arrays are matched on whole elements (longest common subsequence), so an element
//   inserted at the front shows as one addition, not as every element changed. Left-over
//   elements are removed and added; where both sides left over objects at the same place
//   (an alias or charge edited in place) they are paired and compared field by field.
//   Scalars (groups, ids, confidential pointers) are never paired: swapping one group for
//   another reads as one removed and one added.
// - "revision" and "updated" are left out: they change on every revision.
// Fails with Status::invalid naming the side whose text is not a JSON object.
Result<std::vector<FieldChange>> diff_records(std::string_view before_json,
                                              std::string_view after_json);

}  // namespace jz
