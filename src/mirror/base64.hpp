#pragma once
// Base64 (RFC 4648, with padding) for keys and signatures in text files, through libsodium.
#include <optional>
#include <string>
#include <string_view>

namespace jz::mirror {

std::string base64_encode(std::string_view bytes);
// Nothing when `text` is not canonical base64 (whitespace is not skipped).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace jz::mirror
