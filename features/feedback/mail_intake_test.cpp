// Feedback by e-mail against a real IMAP server (dovecot, tests/support): a
// unit's administrator connects its mailbox; each message becomes one item
// with its sender, photos and files, once, however often the box is read.
#include <gtest/gtest.h>

#include <thread>

#include "features/desk/testing.h"
#include "features/feedback/service.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "tests/support/images.h"
#include "tests/support/imap_server.h"
#include "tests/support/stall_proxy.h"

namespace fg::feedback {
namespace {

using testing::KindOf;

testing::ImapServer& Server() {
  static testing::ImapServer server;
  return server;
}

std::string Message(const std::string& id, const std::string& subject, const std::string& body,
                    const std::string& parts = "") {
  std::string m = "From: =?UTF-8?B?VHLhuqduIFRo4buLIELDrG5o?= <binh@example.com>\r\nTo: gopy@xa.example.vn\r\n";
  if (!id.empty()) m += "Message-ID: <" + id + ">\r\n";
  m += "Subject: " + subject + "\r\nMIME-Version: 1.0\r\n";
  if (parts.empty()) return m + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
  return m +
         "Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
         body + "\r\n" + parts + "--p--\r\n";
}

std::string Part(const std::string& type, const std::string& filename, const std::string& bytes) {
  const std::string b64 = auth::Base64(bytes);
  std::string out = "--p\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + filename +
                    "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  return out;
}

class MailIntakeTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Server().ok()) << Server().error();
    DeskFixture::SetUp();
    admin_ = Official("admin.c1", "C1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    outsider_ = Official("admin.c2", "C2", "admin");
    // One mailbox per test and backend: the server outlives the tests.
    static int n = 0;
    user_ = "gopy" + std::to_string(++n) + "@xa.example.vn";
    Server().AddUser(user_);
    fb_ = std::make_unique<Service>(*db_, *calendar_);
  }
  void TearDown() override { fb_.reset(); }
  void Connect() { fb_->PutMailbox(admin_, "C1", Server().url(), user_, testing::ImapServer::kPassword); }
  std::vector<Listed> Items() { return fb_->List(desk_, ListQuery{}); }
  auth::Principal admin_, desk_, outsider_;
  std::string user_;
  std::unique_ptr<Service> fb_;
};

TEST_P(MailIntakeTest, EachMessageBecomesOneItemWithItsSenderPhotosAndFiles) {
  Connect();
  const std::string png = testing::PngOf(20, 10);
  const std::string pdf = "%PDF-1.4\n%%EOF\n";
  Server().Deliver(
      user_, Message("m1@example.com", "=?UTF-8?Q?C=E1=BB=91ng_v=E1=BB=A1?=", "Cống vỡ trước chợ, nước tràn ra đường.",
                     Part("image/png", "cong.png", png) + Part("application/pdf", "don.pdf", pdf)));
  Server().Deliver(user_, Message("m2@example.com", "Rac thai", "Rác chưa được thu gom ba ngày."));

  auto r = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.created, 2);
  auto items = Items();
  ASSERT_EQ(items.size(), 2u);
  const Item& first = items[1].item;  // newest first
  EXPECT_EQ(first.channel, "email");
  EXPECT_EQ(first.kind, Kind::kFeedback);
  EXPECT_EQ(first.unit_code, "C1");
  EXPECT_EQ(first.title, "Cống vỡ");
  EXPECT_EQ(first.content, "Cống vỡ trước chợ, nước tràn ra đường.");
  EXPECT_EQ(first.person.name, "Trần Thị Bình");
  EXPECT_EQ(first.person.email, "binh@example.com");
  EXPECT_FALSE(first.due_at.empty());  // the legal limit runs from the reading
  auto d = fb_->Get(desk_, first.code);
  ASSERT_EQ(d.photos.size(), 1u);
  EXPECT_EQ(fb_->PhotoOf(desk_, first.code, 1).bytes, png);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].filename, "don.pdf");
  EXPECT_EQ(d.attachments[0].mime, "application/pdf");
  EXPECT_EQ(d.attachments[0].size, static_cast<int64_t>(pdf.size()));
  EXPECT_EQ(fb_->AttachmentOf(desk_, first.code, 1).bytes, pdf);
  // Files are for the officials handling the item.
  EXPECT_EQ(KindOf([&] { fb_->AttachmentOf(outsider_, first.code, 1); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf([&] { fb_->AttachmentOf(desk_, first.code, 2); }), ErrorKind::kNotFound);
  EXPECT_EQ(items[0].item.title, "Rac thai");

  auto status = fb_->Mailbox(admin_, "C1");
  EXPECT_TRUE(status.connected);
  EXPECT_EQ(status.taken, 2);
  EXPECT_EQ(status.error, "");
  EXPECT_FALSE(status.checked_at.empty());
}

TEST_P(MailIntakeTest, AMailboxConnectedFromNowPassesOverItsBacklog) {
  Server().Deliver(user_, Message("cu1@example.com", "Cu", "Thư cũ một."));
  Server().Deliver(user_, Message("cu2@example.com", "Cu", "Thư cũ hai."));
  fb_->PutMailbox(admin_, "C1", Server().url(), user_, testing::ImapServer::kPassword, /*skip_backlog=*/true);
  EXPECT_TRUE(fb_->Mailbox(admin_, "C1").skip_backlog);
  auto first = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(first.created, 0);
  EXPECT_EQ(first.skipped, 2);
  EXPECT_EQ(first.error, "");
  EXPECT_FALSE(fb_->Mailbox(admin_, "C1").skip_backlog);  // once
  Server().Deliver(user_, Message("moi@example.com", "Moi", "Thư mới sau khi kết nối."));
  auto next = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(next.created, 1);
  EXPECT_EQ(next.skipped, 0);
  auto items = Items();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].item.content, "Thư mới sau khi kết nối.");
  // Connected from now while nothing waits: nothing is passed over, later mail is read.
  fb_->PutMailbox(admin_, "C1", Server().url(), user_, "", /*skip_backlog=*/true);
  EXPECT_EQ(fb_->ReadMailbox(admin_, "C1").skipped, 0);
  Server().Deliver(user_, Message("sau@example.com", "Sau", "Thư sau nữa."));
  EXPECT_EQ(fb_->ReadMailbox(admin_, "C1").created, 1);
}

TEST_P(MailIntakeTest, ReadingAgainOrAfterAResetTakesNothingTwice) {
  Connect();
  Server().Deliver(user_, Message("a@example.com", "Mot", "Thư một."));
  Server().Deliver(user_, Message("", "Hai", "Thư không có Message-ID."));
  EXPECT_EQ(fb_->ReadMailbox(admin_, "C1").created, 2);
  auto again = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.duplicates, 0);  // the server sends only what is new
  // The same message delivered again (a resend): one item still.
  Server().Deliver(user_, Message("a@example.com", "Mot", "Thư một."));
  Server().Deliver(user_, Message("c@example.com", "Ba", "Thư ba."));
  auto more = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(more.created, 1);
  EXPECT_EQ(more.duplicates, 1);
  // A changed address starts the reading over: every message is known already.
  fb_->PutMailbox(admin_, "C1", Server().url() + "/", user_, "");
  auto over = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(over.created, 0);
  EXPECT_EQ(over.duplicates, 4);
  EXPECT_EQ(Items().size(), 3u);
  EXPECT_EQ(fb_->Mailbox(admin_, "C1").taken, 3);
}

TEST_P(MailIntakeTest, AWrongPasswordIsShownAndNothingIsTaken) {
  fb_->PutMailbox(admin_, "C1", Server().url(), user_, "sai-mat-khau");
  Server().Deliver(user_, Message("x@example.com", "X", "Nội dung."));
  auto r = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(r.error, "feedback.mail.error.login");
  EXPECT_EQ(r.created, 0);
  EXPECT_EQ(fb_->Mailbox(admin_, "C1").error, "feedback.mail.error.login");
  EXPECT_TRUE(Items().empty());
  // Set right (the password typed again), the message comes in and the error goes.
  Connect();
  EXPECT_EQ(fb_->ReadMailbox(admin_, "C1").created, 1);
  EXPECT_EQ(fb_->Mailbox(admin_, "C1").error, "");
}

TEST_P(MailIntakeTest, AMessageTooLargeToFetchBecomesAnItemFromItsHeader) {
  Connect();
  std::string big(mail::kMaxMessage, 'x');
  Server().Deliver(user_,
                   Message("big@example.com", "Ho so day du", "Xem tệp.", Part("application/zip", "a.zip", big)));
  EXPECT_EQ(fb_->ReadMailbox(admin_, "C1").created, 1);
  auto items = Items();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].item.title, "Ho so day du");
  EXPECT_EQ(items[0].item.person.email, "binh@example.com");
  EXPECT_NE(items[0].item.content.find("10 MB"), std::string::npos) << items[0].item.content;
}

TEST_P(MailIntakeTest, OnlyTheUnitsAdministratorsConnectAndEveryBadFieldIsNamed) {
  EXPECT_EQ(KindOf([&] { fb_->PutMailbox(desk_, "C1", Server().url(), user_, "x"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { fb_->PutMailbox(outsider_, "C1", Server().url(), user_, "x"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { fb_->Mailbox(desk_, "C1"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { fb_->ReadMailbox(admin_, "C1"); }), ErrorKind::kNotFound);  // not connected
  try {
    fb_->PutMailbox(admin_, "C1", "https://mail.example.com/", "", "");
    ADD_FAILURE() << "accepted";
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field + ":" + p.key);
    EXPECT_EQ(fields, (std::vector<std::string>{"mail_url:feedback.mail.bad_url", "mail_username:error.required",
                                                "mail_password:error.required"}));
  }
  EXPECT_FALSE(fb_->Mailbox(admin_, "C1").connected);
  // The kept password goes to the same server and login only.
  Connect();
  fb_->PutMailbox(admin_, "C1", Server().url() + "/", user_, "");  // the same server: kept
  try {
    fb_->PutMailbox(admin_, "C1", "imaps://mail.elsewhere.example/INBOX", user_, "");
    ADD_FAILURE() << "the password was kept for another server";
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "mail_password");
  }
  EXPECT_EQ(KindOf([&] { fb_->PutMailbox(admin_, "C1", Server().url(), "other@xa.example.vn", ""); }),
            ErrorKind::kBadRequest);
  EXPECT_EQ(fb_->Mailbox(admin_, "C1").url, Server().url() + "/");
}

TEST_P(MailIntakeTest, AutoRepliesAreNotFeedback) {
  Connect();
  Server().Deliver(user_,
                   "From: MAILER-DAEMON@example.com\r\nMessage-ID: <bounce@example.com>\r\n"
                   "Subject: Undelivered Mail\r\n\r\nThe mail could not be delivered.\r\n");
  Server().Deliver(user_, Message("real@example.com", "That", "Góp ý thật."));
  auto r = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(r.created, 1);
  ASSERT_EQ(Items().size(), 1u);
  EXPECT_EQ(Items()[0].item.title, "That");
}

// The server stalls whenever message 2 is fetched whole (a relay in front of
// dovecot stops answering that request): the readings fail on it, then it is
// taken from its header, and the messages after it are not held up for good.
TEST_P(MailIntakeTest, AMessageThatKeepsTimingOutDoesNotBlockTheMailbox) {
  testing::StallProxy proxy(Server().port(), "UID FETCH 2 BODY[]");
  fb_->PutMailbox(admin_, "C1", "imap://127.0.0.1:" + std::to_string(proxy.port()) + "/INBOX", user_,
                  testing::ImapServer::kPassword);
  fb_->MailTimeout(std::chrono::seconds(3));  // each stalled fetch waits it out; the others take milliseconds
  Server().Deliver(user_, Message("m1@example.com", "Mot", "Thư một."));
  Server().Deliver(user_, Message("m2@example.com", "Hai bi treo", "Thư hai, máy chủ không trả."));
  Server().Deliver(user_, Message("m3@example.com", "Ba", "Thư ba."));

  auto first = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(first.created, 1);  // the message before it is kept
  EXPECT_NE(first.error, "");
  auto status = fb_->Mailbox(admin_, "C1");
  EXPECT_EQ(status.failed_uid, 2);
  EXPECT_EQ(status.failures, 1);
  for (int attempt = 2; attempt < Service::kMailAttempts; ++attempt) {
    auto again = fb_->ReadMailbox(admin_, "C1");
    EXPECT_EQ(again.created, 0);
    EXPECT_NE(again.error, "");
    EXPECT_EQ(fb_->Mailbox(admin_, "C1").failures, attempt);
  }
  EXPECT_EQ(Items().size(), 1u);

  auto last = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(last.error, "");
  EXPECT_EQ(last.created, 2);
  EXPECT_EQ(proxy.stalled(), Service::kMailAttempts);  // the last attempt fetched it once more, then its header
  status = fb_->Mailbox(admin_, "C1");
  EXPECT_EQ(status.failures, 0);
  EXPECT_EQ(status.error, "");
  EXPECT_EQ(status.taken, 3);
  auto items = Items();  // newest first
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].item.title, "Ba");
  const Item& stuck = items[1].item;
  EXPECT_EQ(stuck.title, "Hai bi treo");  // from its header
  EXPECT_EQ(stuck.person.email, "binh@example.com");
  EXPECT_EQ(stuck.content.find("máy chủ không trả"), std::string::npos);  // its text never arrived
  EXPECT_NE(stuck.content.find("(UID) 2"), std::string::npos) << stuck.content;
  // Nothing is taken twice afterwards.
  auto after = fb_->ReadMailbox(admin_, "C1");
  EXPECT_EQ(after.created + after.duplicates, 0);
}

TEST_P(MailIntakeTest, ThePollerReadsOnItsOwn) {
  Connect();
  fb_->StartMailPolling(std::chrono::seconds(1));
  Server().Deliver(user_, Message("poll@example.com", "Tu dong", "Đọc tự động."));
  for (int i = 0; i < 100 && Items().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  fb_->StopMailPolling();
  ASSERT_EQ(Items().size(), 1u);
  EXPECT_EQ(Items()[0].item.title, "Tu dong");
}

FG_BOTH_BACKENDS(MailIntakeTest);

}  // namespace
}  // namespace fg::feedback
