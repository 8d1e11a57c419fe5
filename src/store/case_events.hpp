#pragma once
// The events of one case as stored (hidden ones too: callers that publish must redact or,
// like the legal clock, only compare), with the type of each facility they name.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace jz::store {

struct CaseEvents {
  std::vector<Record> events;                         // events whose `case` is the case
  std::map<std::string, std::string> facility_types;  // facility id -> type
};

Result<CaseEvents> case_events(Store& store, std::string_view case_id);

}  // namespace jz::store
