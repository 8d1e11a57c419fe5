#pragma once
// The legal clock of a public case as the public may see it: counted from its public events,
// and kept only where the clocks of the whole record (hidden events too) agree, so a hidden
// event can remove a clock but never change one or reveal itself. Every public output of the
// clock (case pages, /violations, feeds, prisoner lists) comes through here.
#include <vector>

#include "core/redact.hpp"
#include "monitor/clock.hpp"
#include "store/store.hpp"

namespace jz::publish {

// The public views of the events whose case is `case_id`, as readers see them.
Result<std::vector<Record>> public_case_events(store::Store& store, const IsPublic& visible,
                                               std::string_view case_id);

// The clocks of a case (its public view) from its public events (as public_case_events()
// gives them), or why they cannot be computed (steps out of order, a date in the future).
Result<std::vector<monitor::Clock>> public_clocks(store::Store& store, const IsPublic& visible,
                                                  const Record& public_case,
                                                  const std::vector<Record>& public_events,
                                                  monitor::Minutes now);

}  // namespace jz::publish
