// parse_record on any bytes: never crashes; an accepted record's canonical form decodes to
// the same record and encodes to the same bytes; its public view is a valid record too.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/record_json.hpp"
#include "core/redact.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto record = jz::parse_record(text);
  if (!record) return 0;
  const std::string canonical = jz::to_canonical_json(*record);
  auto again = jz::parse_record(canonical);
  if (!again || !(*again == *record) || jz::to_canonical_json(*again) != canonical) std::abort();
  auto view = jz::public_view(*record, [](std::string_view id) { return id.back() != '0'; });
  if (view && !jz::parse_record(jz::to_canonical_json(*view))) std::abort();
  return 0;
}
