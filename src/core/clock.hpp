#pragma once
// Wall-clock time as the store writes it: UTC, second precision, "YYYY-MM-DDTHH:MM:SSZ".
// A Clock is passed in (not read from a global) so tests can fix the time.
#include <functional>
#include <string>

namespace jz {

using Clock = std::function<std::string()>;

std::string utc_now();
Clock system_clock();
Clock fixed_clock(std::string timestamp);

}  // namespace jz
