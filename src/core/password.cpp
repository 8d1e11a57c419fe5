#include "core/password.hpp"

#include <sodium.h>

#include "core/sodium_init.hpp"
#include "core/utf8.hpp"

namespace jz {

Status check_new_password(std::string_view password, std::string_view user_name) {
  if (password.size() > kMaxPasswordBytes)
    return Status::invalid("the password is longer than 1024 bytes; choose a shorter one");
  if (first_invalid_utf8(password)) return Status::invalid("the password is not valid UTF-8 text");
  if (code_points(password) < kMinPasswordChars)
    return Status::invalid(
        "the password has fewer than 12 characters; a phrase of several "
        "words is easy to remember and hard to guess");
  if (password == user_name) return Status::invalid("the password must not be the account name");
  return Status::ok();
}

Result<std::string> hash_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::internal("not enough memory to hash the password (Argon2id needs 64 MiB)");
  return std::string(out);
}

bool password_matches(const std::string& hash, std::string_view password) {
  init_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace jz
