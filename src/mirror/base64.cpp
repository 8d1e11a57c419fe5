#include "mirror/base64.hpp"

#include <sodium.h>

#include "core/sodium_init.hpp"

namespace jz::mirror {

std::string base64_encode(std::string_view bytes) {
  init_sodium();
  const auto variant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.pop_back();  // the terminating NUL libsodium writes
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  init_sodium();
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace jz::mirror
