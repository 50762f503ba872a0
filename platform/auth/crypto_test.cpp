// The libsodium wrappers against published test vectors.
#include "platform/auth/crypto.h"

#include <gtest/gtest.h>

namespace fg::auth {
namespace {

TEST(Crypto, HmacSha256MatchesRfc4231) {
  InitCrypto();
  // RFC 4231, test case 2.
  EXPECT_EQ(HmacSha256Hex("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Base64MatchesRfc4648AndRefusesWhatIsNotBase64) {
  InitCrypto();
  // RFC 4648, section 10.
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(FromBase64("Zm9vYg=="), "foob");
  EXPECT_EQ(FromBase64(""), "");
  EXPECT_EQ(FromBase64("Zm9v!mFy"), std::nullopt);
  EXPECT_EQ(FromBase64("Zm9vYg"), std::nullopt);  // padding is required
}

}  // namespace
}  // namespace fg::auth
