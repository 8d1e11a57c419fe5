#pragma once
// The procedural violations readers see: every clock of a public case (web/legal_clock.hpp)
// that is violated or has no legal basis, with its case. `/violations` lists them and the
// Atom feeds (feed_pages.cpp) carry them, from this one computation.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "monitor/clock.hpp"
#include "web/call.hpp"

namespace jz::web {

struct Violation {
  std::string case_id;
  monitor::Clock clock;
  // The latest `updated` of the case and of the clock's start and end events.
  std::string updated = {};
  bool ongoing = false;          // nothing ends it yet
  monitor::Minutes started = 0;  // when its start event began (China time)
  nlohmann::json row = {};       // clock_row() with "case": the case as Call::ref gives it
};

// Whether /violations lists a clock: violated, or a holding without legal basis.
bool is_violation(const monitor::Clock& clock);

// A stable name of a violation, the same in every language and as long as the record
// keeps the case, the rule and the start event: "CASE/RULE/START" (and "/PERSON" when the
// clock counts for one person of the case).
std::string violation_key(const Violation& v);

// The violations of one public case (its public view and public events), in the order of
// its clocks; none when its clocks cannot be computed (the case page says why).
std::vector<Violation> violations_of_case(Call& call, const Record& the_case,
                                          const std::vector<Record>& events);

// Every violation of every public case, ongoing ones first, then the latest start first.
Result<std::vector<Violation>> all_violations(Call& call);

}  // namespace jz::web
