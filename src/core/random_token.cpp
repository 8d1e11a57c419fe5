#include "core/random_token.hpp"

#include <sodium.h>

#include "core/sodium_init.hpp"

#include "core/blake2b.hpp"

namespace jz {

std::string random_token() {
  init_sodium();
  Digest bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return to_hex(bytes);
}

}  // namespace jz
