#pragma once
// The verifier's memory (--state FILE): the newest manifest time it has verified clean, per
// trusted key. A replayed older mirror, correctly signed, is then reported stale. JSON:
// {"format":"jianzheng-verify-state/1","newest":{"<fingerprint>":"<time>"}}.
#include <filesystem>
#include <map>
#include <string>

#include "core/status.hpp"

namespace jz::mirror {

using VerifyState = std::map<std::string, std::string>;  // fingerprint -> newest time

// Empty when the file does not exist yet.
Result<VerifyState> load_verify_state(const std::filesystem::path& file);
Status save_verify_state(const std::filesystem::path& file, const VerifyState& state);

}  // namespace jz::mirror
