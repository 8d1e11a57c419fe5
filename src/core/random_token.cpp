#include "core/random_token.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/blake2b.hpp"

namespace jz {

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  Digest bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return to_hex(bytes);
}

}  // namespace jz
