#include "core/totp.hpp"

#include <nettle/hmac.h>
#include <sodium.h>

#include "core/sodium_init.hpp"

#include <array>

namespace jz {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32(const unsigned char* bytes, std::size_t n) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

// Base32 as apps show it: any case, spaces and padding ignored; nothing on a bad letter.
std::optional<std::string> from_base32(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '=') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto at = kBase32.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(at);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  init_sodium();
  std::array<unsigned char, 20> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return base32(bytes.data(), bytes.size());
}

Result<std::string> totp_code(std::string_view secret, std::int64_t step, int digits) {
  auto key = from_base32(secret);
  if (!key || key->empty())
    return Status::invalid("the authenticator secret is not base32 (letters A-Z and digits 2-7)");
  std::array<std::uint8_t, 8> counter;
  for (int i = 7; i >= 0; --i, step >>= 8) counter[static_cast<std::size_t>(i)] = step & 0xFF;
  hmac_sha1_ctx ctx;
  hmac_sha1_set_key(&ctx, key->size(), reinterpret_cast<const std::uint8_t*>(key->data()));
  hmac_sha1_update(&ctx, counter.size(), counter.data());
  std::array<std::uint8_t, SHA1_DIGEST_SIZE> mac;
  hmac_sha1_digest(&ctx, mac.size(), mac.data());
  // RFC 4226 section 5.3: 31 bits from the offset the last nibble gives.
  std::size_t at = mac[19] & 0x0F;
  std::uint32_t value = (std::uint32_t(mac[at] & 0x7F) << 24) | (std::uint32_t(mac[at + 1]) << 16) |
                        (std::uint32_t(mac[at + 2]) << 8) | mac[at + 3];
  std::uint32_t mod = 1;
  for (int i = 0; i < digits; ++i) mod *= 10;
  std::string code = std::to_string(value % mod);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::optional<std::int64_t> totp_match(std::string_view secret, std::string_view code,
                                       long long unix_seconds, std::int64_t last_used) {
  if (code.size() != 6) return std::nullopt;
  std::int64_t now = unix_seconds / kTotpStepSeconds;
  for (std::int64_t step : {now, now - 1, now + 1}) {
    if (step <= last_used) continue;
    auto expected = totp_code(secret, step);
    if (!expected) return std::nullopt;
    if (sodium_memcmp(expected->data(), code.data(), code.size()) == 0) return step;
  }
  return std::nullopt;
}

std::string totp_uri(std::string_view secret, std::string_view account) {
  // Account names are ASCII letters, digits and . - _ (core/user_name.hpp): nothing to escape.
  return "otpauth://totp/Jianzheng:" + std::string(account) + "?secret=" + std::string(secret) +
         "&issuer=Jianzheng&algorithm=SHA1&digits=6&period=30";
}

}  // namespace jz
