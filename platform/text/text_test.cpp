#include "platform/text/text.h"

#include <gtest/gtest.h>

#include "platform/errors.h"

namespace fg::text {
namespace {

std::string FieldOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key() + ":" + e.field();
  }
  return "ok";
}

TEST(Text, DecomposedVietnameseBecomesPrecomposed) {
  // "Việt" typed as V i e + combining circumflex + combining dot below + t.
  const std::string decomposed = "Vie\xCC\x82\xCC\xA3t";
  const std::string composed = "Vi\xE1\xBB\x87t";
  EXPECT_EQ(Nfc(decomposed), composed);
  EXPECT_EQ(Length(decomposed), 6u);
  EXPECT_EQ(Length(composed), 4u);
  EXPECT_EQ(Clean("name", "  " + decomposed + " ", 4, true), composed);  // counted after NFC
}

TEST(Text, AsciiIsItsOwnNfcNulIncluded) {
  EXPECT_EQ(Nfc("0912 345 678"), "0912 345 678");
  EXPECT_EQ(Nfc(std::string("a\0b", 3)), std::string("a\0b", 3));  // kept, for Length() to refuse
  EXPECT_EQ(Nfc(""), "");
  EXPECT_EQ(FieldOf([] { Clean("code", std::string("a\0b", 3), 10, true); }), "error.bad_utf8:code");
}

TEST(Text, RejectsBadInputNamingTheField) {
  EXPECT_EQ(FieldOf([] { Clean("name", "a\xC3", 10, true); }), "error.bad_utf8:name");
  EXPECT_EQ(FieldOf([] { Clean("name", "\xED\xA0\x80", 10, true); }), "error.bad_utf8:name");  // a surrogate
  EXPECT_EQ(FieldOf([] { Clean("name", "a\x01z", 10, true); }), "error.bad_utf8:name");
  EXPECT_EQ(FieldOf([] { Clean("name", "dòng 1\ndòng 2", 20, true); }), "error.bad_utf8:name");
  EXPECT_EQ(Clean("reference", "dòng 1\ndòng 2", 20, true, /*multiline=*/true), "dòng 1\ndòng 2");
  EXPECT_EQ(FieldOf([] { Clean("name", "   ", 10, true); }), "error.required:name");
  EXPECT_EQ(Clean("position", "", 10, false), "");
  EXPECT_EQ(FieldOf([] { Clean("name", "Ủy ban nhân dân", 14, true); }), "error.too_long:name");
  EXPECT_EQ(Clean("name", "Ủy ban nhân dân", 15, true), "Ủy ban nhân dân");
}

TEST(Text, NulIsAControlCharacterNotTheEnd) {
  using namespace std::string_literals;
  EXPECT_EQ(Nfc("ab\0cd"s), "ab\0cd"s);  // nothing after the NUL is lost
  EXPECT_EQ(FieldOf([] { Clean("full_name", "Nguy\xE1\xBB\x85n\0 V\xC4\x83n"s, 120, true); }),
            "error.bad_utf8:full_name");
  EXPECT_EQ(FieldOf([] { Clean("name", "\0"s, 10, false); }), "error.bad_utf8:name");
}

TEST(Text, FoldIgnoresDiacriticsCaseAndPunctuation) {
  EXPECT_EQ(Fold("Đăng ký Hộ tịch!"), "dang ky ho tich");
  EXPECT_EQ(Fold("ĐƯỜNG đi"), "duong di");
  EXPECT_EQ(Fold("Xa\u0303 Vie\u0302\u0323t"), "xa viet");  // combining marks typed separately
  EXPECT_EQ(Fold("  1.001193 -- Chứng thực  "), "1 001193 chung thuc");
  EXPECT_EQ(Fold("\xff\xfe"), "");
  EXPECT_EQ(Fold(""), "");
}

TEST(Text, XmlEscapeWritesTheFiveEntities) {
  EXPECT_EQ(XmlEscape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
  EXPECT_EQ(XmlEscape("Phường Chơn Thành"), "Phường Chơn Thành");
}

TEST(Text, CsvFieldQuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("Phường Chơn Thành"), "Phường Chơn Thành");
  EXPECT_EQ(CsvField("66,7"), "\"66,7\"");
  EXPECT_EQ(CsvField("nói \"không\""), "\"nói \"\"không\"\"\"");
  EXPECT_EQ(CsvField("a\r\nb"), "\"a\r\nb\"");
}

TEST(Text, CsvFieldKeepsFormulasFromRunningAndNumbersAsNumbers) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("+84 912"), "'+84 912");
  EXPECT_EQ(CsvField("-cmd"), "'-cmd");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("-5"), "-5");
  EXPECT_EQ(CsvField("+3"), "+3");
  EXPECT_EQ(CsvField("-1.5"), "-1.5");
  EXPECT_EQ(CsvField("-1,5"), "\"-1,5\"");
  EXPECT_EQ(CsvField("-"), "'-");
  EXPECT_EQ(CsvField("a=b"), "a=b");
}

TEST(Text, CutOnCodePoints) {
  EXPECT_EQ(Cut("ấấấ", 3), "ấấấ");
  EXPECT_EQ(Cut("ấấấấ", 3), "ấấấ...");
  EXPECT_EQ(Cut("", 0), "");
  EXPECT_EQ(Cut("ab", 0), "...");
}

TEST(Text, FileNameKeepsAsciiLettersDigitsDashesAndDots) {
  EXPECT_EQ(FileName("cong-nhan-cqtt-75-2025-01-01.pdf"), "cong-nhan-cqtt-75-2025-01-01.pdf");
  EXPECT_EQ(FileName("bo-tieu-chi-../x y\"Đạt\r\n.xlsx"), "bo-tieu-chi-..xyt.xlsx");
  EXPECT_EQ(FileName(""), "");
}

}  // namespace
}  // namespace fg::text
