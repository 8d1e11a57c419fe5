#pragma once
// A key's fingerprint: what a reader compares by eye between the site's pages and the
// command line. The first 20 bytes (160 bits) of BLAKE2b-256 over the 32-byte Ed25519 public
// key, in lowercase RFC 4648 base32 (a-z, 2-7: no 0/1/8/9 to mistake for o/l/b/g), as 8
// groups of 4 joined by '-': "k7qd-3m2x-...". 160 bits leave no room to make a second key
// with the same fingerprint.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::mirror {

using PublicKey = std::array<std::uint8_t, 32>;

std::string fingerprint(const PublicKey& key);
// A fingerprint as typed or pasted: any case, with dashes, spaces or neither. Errors say
// what the form is.
Result<std::string> parse_fingerprint(std::string_view text);

}  // namespace jz::mirror
