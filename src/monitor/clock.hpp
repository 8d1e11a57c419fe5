#pragma once
// The legal clock: every time limit of the law that a case's events start, and how each
// stands. The rule applied is the version in force on the day the clock starts. A date
// that is not precise enough gives "unknown" (with the range it allows), never a false
// violation; an extension or exception the law allows turns a violation into "unknown"
// unless the record shows the extension or rules out the exception.
#include <optional>
#include <string>
#include <vector>

#include "monitor/case_facts.hpp"
#include "monitor/law.hpp"

namespace jz::monitor {

enum class ClockState {
  kMet,           // the step came within the limit (or the measure ended in time)
  kViolated,      // the limit was exceeded, by `amount`
  kRunning,       // still open and within the limit: `amount` is the time left
  kUnknown,       // cannot be decided: `reason` says why
  kNoLegalBasis,  // held where no law allows holding anyone
  kLapsed,        // a window for the defence (appeal) closed unused: no violation
};

enum class Reason {
  kNone,
  kDateMissing,     // the step that ends the clock is not recorded (later steps are)
  kImprecise,       // a date is too vague to decide
  kNeedsExtension,  // over the limit, lawful only with an extension that is not recorded
  kExtended,        // over the first limit, within an extension that is recorded
  kException,       // over the limit, but the case falls under the rule's exception
  kLawVersion,      // the start date straddles two versions of the law
  kStopped,         // the measure ended (release, another measure) before the limit
  kImplied,         // the step is not dated, but a later step proves it came in time
  kOngoing,         // nothing ends it yet: counted up to now
  kHoliday,         // just over a limit that a public holiday may have extended
};

struct Clock {
  const Rule* rule = nullptr;              // null for a holding without legal basis
  const NoLegalBasis* no_basis = nullptr;  // set for those
  std::string person = {};                 // "" when the case's events name no one
  std::string start = {};                  // the event that started it
  std::string end = {};                    // the event that ended it; "" if none
  ClockState state = ClockState::kUnknown;
  Reason reason = Reason::kNone;
  // The first moment past the limit, at the earliest and latest the start allows.
  Minutes deadline_lo = 0;
  Minutes deadline_hi = 0;
  Duration applied = {};  // the limit compared against: the rule's, or its longest extension
  // Violated, unknown: by how much it is (or may be) over; running: time left. In minutes
  // for limits in hours, in whole days otherwise (see `in_days`).
  std::int64_t amount_lo = 0;
  std::int64_t amount_hi = 0;
  bool in_days = true;
  const Exception* exception = nullptr;        // kException: the one that applies
  std::vector<const Exception*> caveats = {};  // violated: "unless ..." the law also allows
};

// Names for data and message keys: "violated", "needs_extension" ("" for kNone).
std::string_view state_name(ClockState state);
std::string_view reason_name(Reason reason);

// A clock's amount for people: whole days, or hours rounded outwards.
struct Amount {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  bool days = true;
};
Amount amount_of(const Clock& clock);

// Every clock of the case, in the order their start events happened.
std::vector<Clock> compute_clocks(const Law& law, const CaseFacts& facts, Minutes now);

}  // namespace jz::monitor
