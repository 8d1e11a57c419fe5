#pragma once
// The legal clock of a case as readers see it: each time limit of the Criminal Procedure Law
// its public events start (src/monitor), with the deadline, how it stands, the article
// quoted in the reader's language, and why a result is unknown.
#include <nlohmann/json.hpp>
#include <vector>

#include "core/record.hpp"
#include "monitor/clock.hpp"
#include "web/call.hpp"

namespace jz::web {

// The clocks of a public case from its public events (both already through public_view), or
// why they cannot be computed (events out of order, a date in the future).
Result<std::vector<monitor::Clock>> clocks_of(Call& call, const Record& the_case,
                                              const std::vector<Record>& events);

// One clock as template values: state, summary, deadline, amount, reason, article, quote.
nlohmann::json clock_row(Call& call, const monitor::Clock& clock,
                         const std::vector<Record>& events);

// {"clocks": [...], "error": ...} for the case page.
nlohmann::json legal_clock(Call& call, const Record& the_case, const std::vector<Record>& events);

// The public events of a case that name it as their case.
std::vector<Record> events_of_case(Call& call, const Record& the_case);

}  // namespace jz::web
