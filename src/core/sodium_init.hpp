#pragma once
// libsodium must be initialised before its first use; after the first call sodium_init()
// only returns, so each entry point calls this.
#include <sodium.h>

#include <stdexcept>

namespace jz {

inline void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace jz
