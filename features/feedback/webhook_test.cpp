// Webhook signatures (expected values computed independently with Python's
// hmac/hashlib) and the messages of Facebook and Zalo bodies.
#include "features/feedback/webhook.h"

#include <gtest/gtest.h>

namespace fg::feedback::webhook {
namespace {

const std::string kFb =
    R"({"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"PSID1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"Đường ngập nước\nở khu phố 3"}}]}]})";
const std::string kFbSig = "sha256=23bdb45fff17e34bec853fabb37b8544688fe486bfba296d3f0416177f1463bb";
const std::string kZalo =
    R"({"app_id":"app1","event_name":"user_send_text","timestamp":"1700000000000","sender":{"id":"U1"},"recipient":{"id":"OA1"},"message":{"msg_id":"z1","text":"Cống bị tắc"}})";
const std::string kZaloSig = "mac=7b803cb074c78de1f6589e394230559423b93d6d15f1cb4456f3ed156f7788d3";

TEST(FeedbackWebhook, FacebookSignature) {
  EXPECT_TRUE(FacebookSignatureOk(kFb, kFbSig, "fb-secret"));
  EXPECT_FALSE(FacebookSignatureOk(kFb, kFbSig, "other-secret"));
  EXPECT_FALSE(FacebookSignatureOk(kFb + " ", kFbSig, "fb-secret"));      // the body changed
  EXPECT_FALSE(FacebookSignatureOk(kFb, kFbSig.substr(7), "fb-secret"));  // no "sha256="
  EXPECT_FALSE(FacebookSignatureOk(kFb, "", "fb-secret"));
  EXPECT_FALSE(FacebookSignatureOk(kFb, kFbSig, ""));  // an unconfigured secret never matches
}

TEST(FeedbackWebhook, ZaloSignature) {
  EXPECT_TRUE(ZaloSignatureOk(kZalo, kZaloSig, "app1", "oa-secret"));
  EXPECT_FALSE(ZaloSignatureOk(kZalo, kZaloSig, "app2", "oa-secret"));
  EXPECT_FALSE(ZaloSignatureOk(kZalo, kZaloSig, "app1", "wrong"));
  EXPECT_FALSE(ZaloSignatureOk(kZalo, "sha256=" + kZaloSig.substr(4), "app1", "oa-secret"));
  EXPECT_FALSE(ZaloSignatureOk("not json", kZaloSig, "app1", "oa-secret"));
}

TEST(FeedbackWebhook, Messages) {
  auto fb = FacebookMessages(kFb);
  ASSERT_TRUE(fb);
  ASSERT_EQ(fb->size(), 1u);
  EXPECT_EQ((*fb)[0].id, "m_1");
  EXPECT_EQ((*fb)[0].sender, "PSID1");
  EXPECT_EQ((*fb)[0].text, "Đường ngập nước\nở khu phố 3");
  // A delivery receipt carries no message.
  auto receipt = FacebookMessages(R"({"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"delivery":{}}]}]})");
  ASSERT_TRUE(receipt);
  EXPECT_TRUE(receipt->empty());
  EXPECT_FALSE(FacebookMessages("[]"));
  auto z = ZaloMessages(kZalo);
  ASSERT_TRUE(z);
  ASSERT_EQ(z->size(), 1u);
  EXPECT_EQ((*z)[0].id, "z1");
  EXPECT_EQ((*z)[0].text, "Cống bị tắc");
  auto follow = ZaloMessages(R"({"event_name":"follow","timestamp":"1"})");
  ASSERT_TRUE(follow);
  EXPECT_TRUE(follow->empty());
}

TEST(FeedbackWebhook, TitlesCutOnCharacters) {
  EXPECT_EQ(TitleOf("Đường ngập nước\nở khu phố 3", 100), "Đường ngập nước");
  EXPECT_EQ(TitleOf("Đường ngập", 3), "Đườ...");
}

}  // namespace
}  // namespace fg::feedback::webhook
