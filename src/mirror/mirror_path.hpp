#pragma once
// The paths a mirror may hold: relative, '/'-separated, UTF-8, no "." or ".." parts, no
// backslash or control characters (a ZIP unpacked on Windows must not write outside its
// folder). manifest.json and manifest.sig at the top are the signature's own.
#include <optional>
#include <string>
#include <string_view>

namespace jz::mirror {

inline constexpr std::string_view kManifestFile = "manifest.json";
inline constexpr std::string_view kSignatureFile = "manifest.sig";

// Why `path` cannot be in a mirror, or nothing when it can.
std::optional<std::string> bad_mirror_path(std::string_view path);
// manifest.json or manifest.sig at the top of the mirror.
bool is_signature_file(std::string_view path);

}  // namespace jz::mirror
