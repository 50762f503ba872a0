#include "platform/text/text.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>

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

// Nfc() returns text of NfcStable code points as it is: that must be what
// utf8proc's NFC makes of it, for every such code point and every pair of
// them (composition and reordering act on neighbours).
TEST(Text, TheCodePointsNfcKeepsAsTheyAreAreTheirOwnNfcAloneAndInPairs) {
  std::vector<std::string> stable;
  for (char32_t cp = 1; cp < 0x2100; ++cp) {
    if (!NfcStable(cp)) continue;
    utf8proc_uint8_t buf[4];
    stable.emplace_back(reinterpret_cast<char*>(buf), static_cast<size_t>(utf8proc_encode_char(cp, buf)));
  }
  ASSERT_GT(stable.size(), 900u);
  auto utf8proc_nfc = [](const std::string& s) {
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> out(
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str())), &std::free);
    return std::string(reinterpret_cast<const char*>(out.get()));
  };
  size_t differ = 0;
  for (const auto& a : stable) {
    if (utf8proc_nfc(a) != a) ++differ;
    for (const auto& b : stable)
      if (utf8proc_nfc(a + b) != a + b) ++differ;
  }
  EXPECT_EQ(differ, 0u);
  // And what is not stable still goes through utf8proc: a decomposed letter
  // after a stable one, a singleton (U+212B ANGSTROM SIGN is U+00C5).
  EXPECT_EQ(Nfc("\xC3\xA1"
                "a\xCC\x81"),
            "\xC3\xA1\xC3\xA1");  // "a" apart: not a hex digit of the escape
  EXPECT_EQ(Nfc("\xE2\x84\xAB"), "\xC3\x85");
  EXPECT_FALSE(Nfc("\xE1\xBB\x87\xFF").has_value());  // invalid UTF-8 after a stable letter
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
