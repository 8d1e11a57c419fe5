#include "core/record_id.hpp"

#include <sodium.h>

#include <cstdint>

#include "core/blake2b.hpp"
#include "core/record.hpp"

namespace jz {
namespace {

constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford, lower

std::string encode(char letter, const std::uint8_t* bytes) {
  std::uint64_t bits = 0;
  for (int i = 0; i < 7; ++i) bits = (bits << 8) | bytes[i];
  bits >>= 6;  // 56 bits -> 50
  std::string id(11, letter);
  for (int i = 10; i >= 1; --i) {
    id[i] = kAlphabet[bits & 31];
    bits >>= 5;
  }
  return id;
}

}  // namespace

std::string random_id(std::string_view kind) {
  std::uint8_t bytes[7];
  randombytes_buf(bytes, sizeof bytes);
  return encode(id_letter(kind), bytes);
}

std::string derived_id(std::string_view kind, std::string_view stable_key) {
  Digest d = Blake2b().update(kind).update(std::string_view("\0", 1)).update(stable_key).finish();
  return encode(id_letter(kind), d.data());
}

bool is_valid_id(std::string_view id) {
  if (id.size() != 11 || std::string_view("pcefostyvrgn").find(id[0]) == std::string_view::npos)
    return false;
  for (std::size_t i = 1; i < id.size(); ++i)
    if (kAlphabet.find(id[i]) == std::string_view::npos) return false;
  return true;
}

}  // namespace jz
