#pragma once
// Wall-clock time as the store writes it: UTC, second precision, "YYYY-MM-DDTHH:MM:SSZ".
// A Clock is passed in (not read from a global) so tests can fix the time.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace jz {

using Clock = std::function<std::string()>;

std::string utc_now();
// Seconds since 1970 of a timestamp as utc_now() writes it; nothing when it is not one.
std::optional<long long> utc_seconds(std::string_view timestamp);
// `timestamp` (as utc_now() writes it) moved by `seconds`; "" when it is not one.
std::string utc_plus(std::string_view timestamp, long long seconds);
Clock system_clock();
Clock fixed_clock(std::string timestamp);

}  // namespace jz
