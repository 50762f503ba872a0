#include "platform/http/message.h"

#include <gtest/gtest.h>

namespace fg::http {
namespace {

TEST(Message, ParseInt64IsStrict) {
  EXPECT_EQ(ParseInt64("42"), 42);
  EXPECT_EQ(ParseInt64("-7"), -7);
  EXPECT_EQ(ParseInt64("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"", "4x", " 4", "4 ", "+4", "9223372036854775808", "1e3", "0x10"})
    EXPECT_EQ(ParseInt64(bad), std::nullopt) << bad;
}

TEST(Message, IdParamIsAPositiveInteger) {
  Request r;
  r.params = {{"id", "12"}, {"zero", "0"}, {"neg", "-3"}, {"text", "12abc"}};
  EXPECT_EQ(r.id_param("id"), 12);
  EXPECT_EQ(r.id_param("zero"), std::nullopt);
  EXPECT_EQ(r.id_param("neg"), std::nullopt);
  EXPECT_EQ(r.id_param("text"), std::nullopt);
  EXPECT_EQ(r.id_param("missing"), std::nullopt);
}

TEST(Message, IsLocalPathAcceptsOnlyPathsOnThisSite) {
  using namespace std::string_literals;
  for (std::string ok :
       {"/", "/dashboard", "/calendar?year=2026&unit=25270", "/units/75#top", "/a:b", "/đơn-vị", "/%2F%2Fevil.com"})
    EXPECT_TRUE(IsLocalPath(ok)) << ok;
  for (const std::string& bad :
       {""s, "dashboard"s, "//evil.com"s, "///evil.com"s, "/\\evil.com"s, "\\/evil.com"s, "/\t/evil.com"s,
        "/\n/evil.com"s, "/\r/evil.com"s, "/a\r\nSet-Cookie: x=1"s, "/a\0b"s, "/a\x7f"s, "/a\x01"s, "/x/..\\..\\evil"s,
        "https://evil.com"s, "javascript:alert(1)"s, " /dashboard"s, "\t//evil.com"s, "/ \x0b/evil.com"s})
    EXPECT_FALSE(IsLocalPath(bad)) << bad;
}

TEST(Message, MultipartFormsAreReadLikeUrlEncodedOnes) {
  Request r;
  r.add_header("Content-Type", "multipart/form-data; boundary=----WebKitFormBoundaryX1");
  r.body =
      "------WebKitFormBoundaryX1\r\n"
      "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
      "tok\r\n"
      "------WebKitFormBoundaryX1\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"thủ tục.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n"
      "code,name\r\n1.0,\"Tờ khai\r\n--x\"\r\n\r\n"
      "------WebKitFormBoundaryX1\r\n"
      "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n\r\n"
      "\r\n"
      "------WebKitFormBoundaryX1--\r\n";
  auto f = r.form();
  EXPECT_EQ(f["csrf_token"], "tok");
  EXPECT_EQ(f["file"], "code,name\r\n1.0,\"Tờ khai\r\n--x\"\r\n");  // the file's bytes, line breaks kept
  EXPECT_EQ(f["empty"], "");
  EXPECT_EQ(f.size(), 3u);
}

TEST(Message, MultipartBoundaryAndMalformedBodies) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;boundary=\"a b\""), "a b");
  EXPECT_EQ(MultipartBoundary("application/x-www-form-urlencoded"), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data"), "");
  EXPECT_EQ(MultipartBoundary("multipart/mixed; boundary=abc"), "");
  // A part cut short is dropped; what came before it is kept.
  auto cut = ParseMultipart(
      "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\r\n"
      "Content-Disposition: form-data; name=\"c\"\r\n\r\nnever closed",
      "b");
  EXPECT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut.find("a")->second, "1");
  EXPECT_TRUE(ParseMultipart("no delimiter at all", "b").empty());
  EXPECT_TRUE(ParseMultipart("--b--", "b").empty());
  // A body that is not multipart is read as urlencoded.
  Request plain;
  plain.body = "a=1&b=%C3%A1";
  EXPECT_EQ(plain.form()["b"], "á");
}

TEST(UrlDecode, EscapesInEitherCaseAndWhatIsNotAnEscapeStaysAsWritten) {
  EXPECT_EQ(UrlDecode("%c3%a1%C3%A1+%C4%91%e1%BB%93ng"), "áá đồng");
  EXPECT_EQ(UrlDecode("100%+x%zz%4"), "100% x%zz%4");  // "%+x", "%zz" and a cut "%4" are not escapes
  EXPECT_EQ(UrlDecode("%09%7E%00a", false), std::string("\t~\0a", 4));
  EXPECT_EQ(UrlDecode("a+b", false), "a+b");
  EXPECT_EQ(UrlDecode("%41%4a%4F%60%2g%g2%"), "AJO`%2g%g2%");  // "%2g", "%g2": not hex
  EXPECT_EQ(UrlDecode(""), "");
}

TEST(Response, FileNamesCannotBreakTheHeader) {
  // A name as an e-mail's sender chose it: quotes, a line break, a path, Vietnamese letters.
  const Response r = Response::Attachment("x", "application/octet-stream", "a\"b\r\nSet-Cookie: x=1/..\\đơn.pdf");
  const std::string cd(r.header("Content-Disposition"));
  EXPECT_EQ(cd.find('\r'), std::string::npos);
  EXPECT_EQ(cd.find('\n'), std::string::npos);
  EXPECT_EQ(cd,
            "attachment; filename=\"a_b__Set-Cookie: x=1_..___n.pdf\"; "
            "filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A%20x%3D1%2F..%5C%C4%91%C6%A1n.pdf");
  // A plain ASCII name stays as it is, with no second form.
  EXPECT_EQ(Response::InlineFile("x", "image/png", "anh.png").header("Content-Disposition"),
            "inline; filename=\"anh.png\"");
}

}  // namespace
}  // namespace fg::http
