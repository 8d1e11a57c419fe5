#pragma once
// BLAKE2b-256 (libsodium's crypto_generichash) as lowercase hex: revision chain hashes,
// attached-file hashes and derived ids all use it.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace jz {

using Digest = std::array<std::uint8_t, 32>;

class Blake2b {
 public:
  Blake2b();
  Blake2b& update(std::string_view bytes);
  Digest finish();

 private:
  alignas(64) unsigned char state_[384];
};

Digest blake2b(std::string_view bytes);
std::string to_hex(const Digest& d);
std::string to_hex(std::string_view bytes);  // any bytes, two lowercase hex digits each
// Reads 64 lowercase hex digits into `out`; false for anything else.
bool from_hex(std::string_view hex, Digest& out);

}  // namespace jz
