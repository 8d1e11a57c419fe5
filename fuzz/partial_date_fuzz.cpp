// PartialDate::parse on any bytes: never crashes, and whatever it accepts it writes back in
// a form that parses to the same date, with earliest <= latest.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/partial_date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto date = jz::PartialDate::parse(text);
  if (!date) return 0;
  if (date->earliest() > date->latest()) std::abort();
  auto again = jz::PartialDate::parse(date->to_string());
  if (!again || !(*again == *date) || again->to_string() != date->to_string()) std::abort();
  return 0;
}
