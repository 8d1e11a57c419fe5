#include "mirror/verify_state.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "mirror/file_io.hpp"

namespace jz::mirror {

namespace {
constexpr std::string_view kFormat = "jianzheng-verify-state/1";
}

Result<VerifyState> load_verify_state(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return VerifyState{};
  auto text = read_file(file);
  if (!text) return text.status();
  const std::string bad = file.string() +
                          ": not a verify-mirror state file; give another --state file (this "
                          "one may be damaged)";
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != kFormat ||
      !j.contains("newest") || !j["newest"].is_object())
    return Status::corrupt(bad);
  VerifyState state;
  for (const auto& [fp, time] : j["newest"].items()) {
    if (!time.is_string() || !utc_seconds(time.get<std::string>())) return Status::corrupt(bad);
    state[fp] = time.get<std::string>();
  }
  return state;
}

Status save_verify_state(const std::filesystem::path& file, const VerifyState& state) {
  nlohmann::ordered_json j;
  j["format"] = kFormat;
  j["newest"] = nlohmann::ordered_json::object();
  for (const auto& [fp, time] : state) j["newest"][fp] = time;
  return write_file_atomically(file, j.dump(2) + "\n");
}

}  // namespace jz::mirror
