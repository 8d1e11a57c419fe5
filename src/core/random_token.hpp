#pragma once
// Unguessable tokens (session cookies, CSRF fields): 32 bytes from libsodium's
// randombytes_buf, as 64 lowercase hex characters.
#include <string>

namespace jz {

std::string random_token();

}  // namespace jz
