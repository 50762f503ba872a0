#include "features/notify/callbacks.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace fg::notify {
namespace {

std::string Key(char fill) { return std::string(crypto_auth_KEYBYTES, fill); }

TEST(NotifyCallbacks, TokenNamesTheMessageAndOnlyTheKeyMakesIt) {
  ASSERT_GE(sodium_init(), 0);
  const std::string t = CallbackToken(42, Key('a'));
  ASSERT_EQ(t.rfind("42.", 0), 0u) << t;
  EXPECT_EQ(CallbackTokenId(t, Key('a')), 42);
  EXPECT_EQ(CallbackTokenId(t, Key('b')), std::nullopt);                   // another key
  EXPECT_EQ(CallbackTokenId("43" + t.substr(2), Key('a')), std::nullopt);  // another message
  std::string flipped = t;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(CallbackTokenId(flipped, Key('a')), std::nullopt);
  for (const char* bad : {"", "42", "42.", ".abc", "-1.abc", "042.abc", "x.abc"})
    EXPECT_EQ(CallbackTokenId(bad, Key('a')), std::nullopt) << bad;
  EXPECT_EQ(CallbackToken(42, "short"), "");  // no usable key: no token
  EXPECT_EQ(CallbackTokenId(t, ""), std::nullopt);
}

}  // namespace
}  // namespace fg::notify
