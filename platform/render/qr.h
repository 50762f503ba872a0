// QR codes (libqrencode) as a module matrix, drawn as SVG for HTML pages or
// into a PDF (render::pdf::Document::Qr).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fg::render::qr {

// Error correction: M (15 %) by default; H (30 %) survives a stamp or a fold.
enum class Level { kL, kM, kQ, kH };

struct Matrix {
  int version = 0;            // 1-40
  int size = 0;               // modules per side (17 + 4 * version), without the quiet zone
  std::vector<uint8_t> dark;  // size * size, row by row: 1 = dark module
  bool at(int x, int y) const {
    return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0;
  }
  int count_dark() const;
};

// The smallest symbol holding `text` (bytes, case kept). Throws
// std::invalid_argument when it does not fit (over about 2,300 bytes at M).
Matrix Encode(std::string_view text, Level level = Level::kM);

// An SVG image of the symbol with its 4-module quiet zone, `pixels` wide,
// for inline use in HTML: role="img", aria-label and <title> carry `label`
// (escaped here). Dark modules are drawn as horizontal runs of one path.
std::string Svg(const Matrix& m, std::string_view label, int pixels = 132);

inline constexpr int kQuietZone = 4;  // modules of white around the symbol (ISO/IEC 18004)

}  // namespace fg::render::qr
