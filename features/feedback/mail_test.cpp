// E-mail messages as citizens' mail programs send them (MIME, RFC 2045-2047,
// RFC 2231 file names) and the IMAP answers and addresses of the mailbox reader.
#include "features/feedback/mail.h"

#include <gtest/gtest.h>

#include "features/feedback/imap.h"
#include "platform/auth/crypto.h"
#include "tests/support/images.h"

namespace fg::feedback {
namespace {

// Base64 wrapped at 76 characters, as mail programs send it.
std::string Wrapped(const std::string& bytes) {
  const std::string b64 = auth::Base64(bytes);
  std::string out;
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  return out;
}

TEST(Mail, MultipartWithEncodedHeadersQuotedPrintableTextAndFiles) {
  const std::string png = testing::PngOf(8, 6);
  const std::string pdf = "%PDF-1.4\n% a document\n%%EOF\n";
  // "Nguyễn Văn An", "Đường hỏng ở ấp 3", "giấy tờ.pdf" encoded as mail programs do.
  const std::string raw =
      "From: =?UTF-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <an.nguyen@example.com>\r\n"
      "To: gopy@xa.example.vn\r\n"
      "Subject: =?UTF-8?Q?=C4=90=C6=B0=E1=BB=9Dng_h=E1=BB=8Fng_=E1=BB=9F_=E1=BA=A5p_3?=\r\n"
      "Message-ID: <abc.123@example.com>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
      "--b1\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      "=C4=90o=E1=BA=A1n =C4=91=C6=B0=E1=BB=9Dng tr=C6=B0=E1=BB=9Bc nh=C3=A0 t=C3=B4i=\r\n"
      " b=E1=BB=8B s=E1=BB=A5t l=C3=BAn.\r\n"
      "Xin c=E1=BA=A3m =C6=A1n.\r\n"
      "--b1\r\n"
      "Content-Type: image/png\r\n"
      "Content-Disposition: attachment; filename=\"anh.png\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      Wrapped(png) +
      "--b1\r\n"
      "Content-Type: application/pdf\r\n"
      "Content-Disposition: attachment; filename*=UTF-8''gi%E1%BA%A5y%20t%E1%BB%9D.pdf\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      Wrapped(pdf) + "--b1--\r\n";
  auto m = mail::Parse(raw);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->message_id, "abc.123@example.com");
  EXPECT_EQ(m->from_name, "Nguyễn Văn An");
  EXPECT_EQ(m->from_email, "an.nguyen@example.com");
  EXPECT_EQ(m->subject, "Đường hỏng ở ấp 3");
  // The soft line break joins; CRLF becomes one line break; the last one goes.
  EXPECT_EQ(m->text, "Đoạn đường trước nhà tôi bị sụt lún.\nXin cảm ơn.");
  ASSERT_EQ(m->attachments.size(), 2u);
  EXPECT_EQ(m->attachments[0].filename, "anh.png");
  EXPECT_EQ(m->attachments[0].mime, "image/png");
  EXPECT_EQ(m->attachments[0].bytes, png);
  EXPECT_EQ(m->attachments[1].filename, "giấy tờ.pdf");
  EXPECT_EQ(m->attachments[1].mime, "application/pdf");
  EXPECT_EQ(m->attachments[1].bytes, pdf);
  EXPECT_EQ(m->attachments_left_out, 0u);
}

TEST(Mail, OtherCharsetsAreReadAsUtf8AndAMissingIdIsEmpty) {
  // "Café près de l'école" in ISO-8859-1, with a form feed that has no place in the register.
  const std::string raw =
      "From: someone@example.com\r\nSubject: =?ISO-8859-1?Q?caf=E9?=\r\n"
      "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n"
      "Caf\xE9 pr\xE8s de l'\xE9"
      "cole\f.\r\n";
  auto m = mail::Parse(raw);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->message_id, "");
  EXPECT_EQ(m->from_name, "");
  EXPECT_EQ(m->from_email, "someone@example.com");
  EXPECT_EQ(m->subject, "café");
  EXPECT_EQ(m->text, "Café près de l'école.");
  EXPECT_TRUE(m->attachments.empty());
}

TEST(Mail, AnHtmlOnlyMessageIsReadAsItsText) {
  const std::string raw =
      "From: a@example.com\r\nSubject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
      "<html><head><title>T</title><style>p{color:red}</style></head><body>"
      "<p>R&aacute;c &amp; n&#432;&#7899;c th&#x1EA3;i</p><script>alert(1)</script>"
      "<div>Ấp   3<br>x&lt;y</div></body></html>\r\n";
  auto m = mail::Parse(raw);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text, "Rác & nước thải\nẤp 3\nx<y");
}

TEST(Mail, ControlCharactersTheRegisterRefusesAreDropped) {
  // U+0096 (a C1 control) as a Latin-1 byte in the subject and as an HTML reference.
  auto m = mail::Parse(
      "From: a@example.com\r\nSubject: =?ISO-8859-1?Q?A=96B?=\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
      "<p>x&#150;y &#8211; z</p>\r\n");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->subject, "AB");
  EXPECT_EQ(m->text, "x&#150;y – z");
  EXPECT_FALSE(m->automatic);
}

TEST(Mail, AutoRepliesAndBouncesAreKnown) {
  for (const std::string head :
       {"From: a@example.com\r\nAuto-Submitted: auto-replied\r\n", "From: MAILER-DAEMON@mail.example.com\r\n",
        "From: a@example.com\r\nContent-Type: multipart/report; boundary=b\r\n"}) {
    auto m = mail::Parse(head + "Subject: Vắng mặt\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n");
    ASSERT_TRUE(m) << head;
    EXPECT_TRUE(m->automatic) << head;
  }
  auto person = mail::Parse("From: a@example.com\r\nAuto-Submitted: no\r\nSubject: x\r\n\r\ny\r\n");
  ASSERT_TRUE(person);
  EXPECT_FALSE(person->automatic);
}

TEST(Mail, TooManyFilesAreCountedNotKept) {
  std::string raw =
      "From: a@example.com\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nxem tep\r\n";
  for (size_t i = 0; i < mail::kMaxAttachments + 2; ++i)
    raw += "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"t" + std::to_string(i) +
           ".csv\"\r\n\r\na,b\r\n";
  raw += "--b--\r\n";
  auto m = mail::Parse(raw);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text, "xem tep");
  EXPECT_EQ(m->attachments.size(), mail::kMaxAttachments);
  EXPECT_EQ(m->attachments_left_out, 2u);
  EXPECT_EQ(m->attachments[0].filename, "t0.csv");
}

TEST(Imap, AddressesOfMailboxes) {
  auto a = imap::ParseAddress("imaps://mail.xa.gov.vn/INBOX");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->scheme, "imaps");
  EXPECT_EQ(a->host, "mail.xa.gov.vn");
  EXPECT_EQ(a->port, 0);
  EXPECT_EQ(a->folder, "INBOX");
  auto b = imap::ParseAddress(" IMAP://127.0.0.1:14300/Gop%20y/2026 ");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->scheme, "imap");
  EXPECT_EQ(b->port, 14300);
  EXPECT_EQ(b->folder, "Gop y/2026");
  EXPECT_EQ(imap::ParseAddress("imaps://mail.example.com")->folder, "INBOX");
  for (const char* bad : {"", "mail.example.com", "https://mail.example.com/", "imaps://user:pw@mail.example.com/",
                          "imaps://mail.example.com:0/", "imaps://mail.example.com:70000/",
                          "imaps://mail.example.com/INBOX?x=1", "imaps:///INBOX", "imaps://h/\"x\""})
    EXPECT_FALSE(imap::ParseAddress(bad)) << bad;
  EXPECT_TRUE(imap::IsLoopback("127.0.0.1"));
  EXPECT_TRUE(imap::IsLoopback("localhost"));
  EXPECT_FALSE(imap::IsLoopback("mail.example.com"));
  EXPECT_FALSE(imap::IsLoopback("128.0.0.1"));
  EXPECT_FALSE(imap::IsLoopback("127.evil.example"));
  EXPECT_TRUE(imap::SameServer(*imap::ParseAddress("imaps://Mail.Example.com/INBOX"),
                               *imap::ParseAddress("imaps://mail.example.com:993/Other")));
  EXPECT_FALSE(imap::SameServer(*imap::ParseAddress("imaps://mail.example.com/"),
                                *imap::ParseAddress("imap://mail.example.com/")));
  EXPECT_FALSE(imap::SameServer(*imap::ParseAddress("imaps://mail.example.com/"),
                                *imap::ParseAddress("imaps://mail.example.com.evil/")));
}

TEST(Imap, AnswersOfTheServer) {
  EXPECT_EQ(imap::UidValidityOf("* 3 EXISTS\r\n* OK [UIDVALIDITY 1795815261] UIDs valid\r\n* OK [UIDNEXT 4]\r\n"),
            1795815261);
  EXPECT_FALSE(imap::UidValidityOf("* 3 EXISTS\r\n"));
  EXPECT_EQ(imap::UidsOf("* SEARCH 7 3 12\r\n"), (std::vector<int64_t>{3, 7, 12}));
  EXPECT_EQ(imap::UidsOf("* SEARCH\r\n"), std::vector<int64_t>{});
  EXPECT_EQ(imap::UidsOf("* OK still here\r\n* SEARCH 5\r\n"), std::vector<int64_t>{5});
}

}  // namespace
}  // namespace fg::feedback
