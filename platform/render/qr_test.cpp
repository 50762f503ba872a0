// QR codes: the matrix is libqrencode's own symbol (there is no decoder in
// Debian to read it back), sized as the QR standard says, and the SVG draws
// exactly its dark modules.
#include "platform/render/qr.h"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <regex>

namespace fg::render::qr {
namespace {

// The sum of the horizontal runs ("h<n>") of the SVG path.
int DarkInSvg(const std::string& svg) {
  int n = 0;
  static const std::regex run("M\\d+ \\d+h(\\d+)v1h-\\d+z");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), run); it != std::sregex_iterator(); ++it)
    n += std::stoi((*it)[1]);
  return n;
}

TEST(Qr, VersionFollowsTheByteCapacityOfLevelM) {
  // ISO/IEC 18004 byte-mode capacities at level M: version 1 holds 14 bytes,
  // version 2 holds 26, version 3 holds 42.
  EXPECT_EQ(Encode(std::string(14, 'a')).version, 1);
  EXPECT_EQ(Encode(std::string(15, 'a')).version, 2);
  EXPECT_EQ(Encode(std::string(26, 'a')).version, 2);
  EXPECT_EQ(Encode(std::string(27, 'a')).version, 3);
  for (int v : {1, 2, 3}) {
    const Matrix m = Encode(std::string(v == 1 ? 5 : v == 2 ? 20 : 40, 'x'));
    EXPECT_EQ(m.size, 17 + 4 * m.version);
    EXPECT_EQ(m.dark.size(), static_cast<size_t>(m.size * m.size));
  }
}

TEST(Qr, MatrixIsLibqrencodesSymbol) {
  const std::string url = "http://127.0.0.1:8080/tra-cuu?ma=000.00.01.H22-260217-0001";
  const Matrix m = Encode(url);
  QRcode* ref = QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M);
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(m.version, ref->version);
  ASSERT_EQ(m.size, ref->width);
  int differ = 0;
  for (int i = 0; i < m.size * m.size; ++i) differ += m.dark[static_cast<size_t>(i)] != (ref->data[i] & 1);
  QRcode_free(ref);
  EXPECT_EQ(differ, 0);
}

TEST(Qr, FinderPatternsSitInThreeCorners) {
  const Matrix m = Encode("https://dichvucong.example.vn/tra-cuu?ma=25270-260217-0001");
  // A finder pattern: a dark 7x7 ring, a light ring, a dark 3x3 centre.
  auto finder = [&](int x0, int y0) {
    for (int y = 0; y < 7; ++y)
      for (int x = 0; x < 7; ++x) {
        const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
        const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
        if (m.at(x0 + x, y0 + y) != (ring || centre)) return false;
      }
    return true;
  };
  EXPECT_TRUE(finder(0, 0));
  EXPECT_TRUE(finder(m.size - 7, 0));
  EXPECT_TRUE(finder(0, m.size - 7));
  EXPECT_FALSE(finder(m.size - 7, m.size - 7));
}

TEST(Qr, SvgDrawsEveryDarkModuleAndIsLabelled) {
  const Matrix m = Encode("http://x.vn/tra-cuu?ma=A&b=<c>");
  const std::string svg = Svg(m, "Mã QR tra cứu hồ sơ \"A\" & <B>", 120);
  EXPECT_EQ(DarkInSvg(svg), m.count_dark());
  EXPECT_GT(m.count_dark(), 0);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"Mã QR tra cứu hồ sơ &quot;A&quot; &amp; &lt;B&gt;\""), std::string::npos);
  EXPECT_NE(svg.find("<title>Mã QR tra cứu hồ sơ &quot;A&quot; &amp; &lt;B&gt;</title>"), std::string::npos);
  const int side = m.size + 2 * kQuietZone;
  EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) + "\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"120\""), std::string::npos);
}

TEST(Qr, TooLongTextIsRefused) { EXPECT_THROW(Encode(std::string(4000, 'a')), std::invalid_argument); }

}  // namespace
}  // namespace fg::render::qr
