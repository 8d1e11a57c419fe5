#pragma once
// Account passwords: the rules for a new one, and Argon2id hashes (libsodium
// crypto_pwhash_str, its "interactive" limits: 64 MiB, 2 passes). The stored string holds
// the algorithm, the limits and the salt, so checking needs nothing else, and hashes made
// with older limits keep working when the limits rise.
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz {

inline constexpr std::size_t kMinPasswordChars = 12;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// A new password must have at least 12 characters (a phrase of several words is best), at
// most 1024 bytes, be UTF-8, and differ from the account's name.
Status check_new_password(std::string_view password, std::string_view user_name);
// The Argon2id hash to store; fails only when the machine is out of memory.
Result<std::string> hash_password(std::string_view password);
// True when `password` is the one `hash` was made from. Takes as long either way.
bool password_matches(const std::string& hash, std::string_view password);

}  // namespace jz
