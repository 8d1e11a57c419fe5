// Authenticator codes (core/totp.hpp) against the RFC 4226 and RFC 6238 test vectors, and
// the rules a login relies on: one step of clock drift either way, each code once.
#include "core/totp.hpp"

#include <gtest/gtest.h>

namespace jz {
namespace {

// "12345678901234567890", the secret of both RFCs' SHA-1 vectors, in base32.
const char* const kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Totp, Rfc4226Codes) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (int counter = 0; counter < 10; ++counter)
    EXPECT_EQ(*totp_code(kRfcSecret, counter), expected[counter]) << counter;
}

TEST(Totp, Rfc6238Codes) {
  for (auto [seconds, code] : {std::pair{59LL, "94287082"},
                               {1111111109LL, "07081804"},
                               {1111111111LL, "14050471"},
                               {1234567890LL, "89005924"},
                               {2000000000LL, "69279037"},
                               {20000000000LL, "65353130"}})
    EXPECT_EQ(*totp_code(kRfcSecret, seconds / kTotpStepSeconds, 8), code) << seconds;
  // As apps show a secret: lower case, in groups, padded.
  EXPECT_EQ(*totp_code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq==", 1), "287082");
  EXPECT_FALSE(totp_code("not base32!", 1));
}

TEST(Totp, MatchesOneStepEitherWayAndEachCodeOnce) {
  const long long now = 1234567890;  // step 41152263
  const std::int64_t step = now / kTotpStepSeconds;
  for (std::int64_t s : {step - 1, step, step + 1})
    EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, s), now, 0), s) << s;
  EXPECT_FALSE(totp_match(kRfcSecret, *totp_code(kRfcSecret, step - 2), now, 0));
  EXPECT_FALSE(totp_match(kRfcSecret, *totp_code(kRfcSecret, step + 2), now, 0));
  // A code already used (its step or an earlier one) does not work again.
  EXPECT_FALSE(totp_match(kRfcSecret, *totp_code(kRfcSecret, step), now, step));
  EXPECT_EQ(totp_match(kRfcSecret, *totp_code(kRfcSecret, step + 1), now, step), step + 1);
  EXPECT_FALSE(totp_match(kRfcSecret, "", now, 0));
  EXPECT_FALSE(totp_match(kRfcSecret, "12345", now, 0));
}

TEST(Totp, NewSecretsAndTheirLink) {
  std::string a = new_totp_secret(), b = new_totp_secret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(totp_code(a, 1));
  EXPECT_EQ(totp_uri(a, "wang.li"), "otpauth://totp/Jianzheng:wang.li?secret=" + a +
                                        "&issuer=Jianzheng&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace jz
