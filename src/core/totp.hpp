#pragma once
// Codes from an authenticator app, the second factor of a login: time-based one-time
// passwords (RFC 6238) with HMAC-SHA1, 30-second steps and 6 digits, the only kind every
// app reads from an otpauth:// link. HMAC-SHA1 comes from nettle: libsodium has no SHA-1
// (as HMAC, SHA-1's collisions do not matter).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz {

inline constexpr int kTotpStepSeconds = 30;

// A new secret: 20 random bytes as base32 (RFC 4648, no padding), 32 characters.
std::string new_totp_secret();
// The code of `step` (seconds since 1970 / 30) for a base32 secret.
Result<std::string> totp_code(std::string_view secret, std::int64_t step, int digits = 6);
// The step of `code` at `unix_seconds`, allowing one step either way for clocks that
// differ, but only a step after `last_used` (a code works once); nothing when it does not
// match.
std::optional<std::int64_t> totp_match(std::string_view secret, std::string_view code,
                                       long long unix_seconds, std::int64_t last_used);
// The link an authenticator app reads (as text or as a QR code).
std::string totp_uri(std::string_view secret, std::string_view account);

}  // namespace jz
