#include "mirror/fingerprint.hpp"

#include "core/blake2b.hpp"

namespace jz::mirror {

namespace {
constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
constexpr std::size_t kChars = 32;  // 160 bits / 5
}  // namespace

std::string fingerprint(const PublicKey& key) {
  const Digest d = blake2b(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < 20; ++i) {
    buffer = (buffer << 8) | d[i];
    bits += 8;
    while (bits >= 5) {
      if (!out.empty() && (out.size() + 1) % 5 == 0) out += '-';
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

Result<std::string> parse_fingerprint(std::string_view text) {
  std::string chars;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')) || chars.size() == kChars) {
      chars.clear();
      break;
    }
    chars += c;
  }
  if (chars.size() != kChars)
    return Status::invalid("\"" + std::string(text) +
                           "\" is not a key fingerprint: it is 32 letters and digits 2-7 in 8 "
                           "groups of 4, like abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567, as the "
                           "site's about page shows it");
  std::string out;
  for (std::size_t i = 0; i < kChars; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += chars[i];
  }
  return out;
}

}  // namespace jz::mirror
