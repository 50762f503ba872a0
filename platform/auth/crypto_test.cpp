// The crypto wrappers (libsodium; OpenSSL for SHA-256 and HMAC-SHA-256) against published test vectors.
#include "platform/auth/crypto.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace fg::auth {
namespace {

TEST(Crypto, HmacSha256MatchesRfc4231) {
  InitCrypto();
  // RFC 4231, test case 2.
  EXPECT_EQ(HmacSha256Hex("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than a block is hashed first.
  EXPECT_EQ(HmacSha256Hex("Test Using Larger Than Block-Size Key - Hash Key First", std::string(131, '\xaa')),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  // Test case 1, after the others on the same thread: each call takes its own key.
  EXPECT_EQ(HmacSha256Hex("Hi There", std::string(20, '\x0b')),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // An empty key is a key (not the previous one).
  EXPECT_EQ(HmacSha256Hex("", ""), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(HmacSha256Hex("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Sha256MatchesFips180) {
  // FIPS 180-2, appendix B: one block, two blocks; and the empty message. A
  // second hash on the same thread reuses its digest context.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
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

TEST(Crypto, PasswordHashesAreArgon2idAtTheCostInEffect) {
  InitCrypto();
  const std::string hash = HashPassword("mật khẩu dài");
  // ctest sets FG_TEST_FAST_PASSWORD_HASH=1 (minimum: 8 KiB, 1 pass); a server
  // without it uses libsodium's interactive limits (64 MiB, 2 passes).
  const std::string cost = FastPasswordHashForTests() ? "$m=8,t=1," : "$m=65536,t=2,";
  EXPECT_EQ(hash.rfind("$argon2id$v=19" + cost, 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "mật khẩu dài"));
  EXPECT_FALSE(VerifyPassword(hash, "mật khẩu dai"));
}

// Groups of four from the alphabet, each character equally likely: over
// 320,000 characters each of the 31 is expected 10,323 times (standard
// deviation about 100). Taking a byte modulo 31 without rejecting the top
// of its range would make the first 8 characters 9/8 as likely (about
// 11,250 against 10,000): outside the bounds below.
TEST(Crypto, RandomPasswordsAreGroupsOfFourWithEveryCharacterEquallyLikely) {
  InitCrypto();
  const std::string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  EXPECT_EQ(RandomPassword(1).size(), 4u);
  const std::string p = RandomPassword();
  ASSERT_EQ(p.size(), 19u);
  for (size_t i : {4u, 9u, 14u}) EXPECT_EQ(p[i], '-') << p;
  std::map<char, int> seen;
  for (int n = 0; n < 20000; ++n)
    for (char c : RandomPassword(4))
      if (c != '-') ++seen[c];
  ASSERT_EQ(seen.size(), alphabet.size());
  for (char c : alphabet) {
    EXPECT_GT(seen[c], 9800) << c;
    EXPECT_LT(seen[c], 10850) << c;
  }
}

}  // namespace
}  // namespace fg::auth
