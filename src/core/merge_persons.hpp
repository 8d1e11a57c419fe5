#pragma once
// Two person records that are one person (劉曉波 imported from one list, Liu Xiaobo from
// another): what the record kept looks like after the duplicate is merged into it, and how
// other records' references move over. Nothing is lost: the duplicate's names become
// aliases, its empty-here fields fill in, its lists join, and what was confidential in the
// duplicate stays confidential where it lands. The duplicate itself is kept, marked
// merged_into, with its history (store/workflow.cpp writes all of it).
#include "core/record.hpp"
#include "core/status.hpp"

namespace jz {

// `kept` with `duplicate` merged in; both must be persons, neither already merged.
Result<Record> merge_persons(const Record& kept, const Record& duplicate);

// Every reference to `from` in `record` (case members, event persons, lawyers, link
// targets ...) turned into `to`, without listing `to` twice; links to `to` from `to`
// itself are dropped.
void move_references(Record& record, const std::string& from, const std::string& to);

}  // namespace jz
