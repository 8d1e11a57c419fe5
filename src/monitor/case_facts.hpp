#pragma once
// What the engine knows about one case: its procedural events in order, each as the span
// of Asia/Shanghai time its date may mean, grouped by the person they concern, and the
// facts an exception turns on (a state-security or terrorism charge).
#include <map>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "monitor/law.hpp"

namespace jz::monitor {

struct Step {
  std::string id = {};  // the event record's id
  const Event* event = nullptr;
  Minutes lo = 0;  // the span [lo, hi) the date may mean
  Minutes hi = 0;
  bool vague = false;  // approximate, uncertain or open-ended: never a certain result
  std::string facility_type = {};
};

struct CaseFacts {
  std::string case_id = {};
  // Per person named by the case ("" when it names none): that person's steps in order.
  std::map<std::string, std::vector<Step>> streams = {};
  bool state_security = false;    // charged under Criminal Law arts. 102–113
  bool terrorism = false;         // charged under Criminal Law art. 120 and 120-1 .. 120-6
  std::string charge_basis = {};  // the charge that makes it so, for the explanation
};

// Builds the facts from a case, its events (records of kind event pointing at it) and the
// types of the facilities they name. Refuses events dated after `now` and steps in an
// impossible order (law.order), naming both events and what to check.
Result<CaseFacts> case_facts(const Law& law, const Record& the_case,
                             const std::vector<Record>& events,
                             const std::map<std::string, std::string>& facility_types, Minutes now);

}  // namespace jz::monitor
