#include "platform/render/qr.h"

#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "platform/text/text.h"

namespace fg::render::qr {
namespace {

QRecLevel LevelOf(Level l) {
  switch (l) {
    case Level::kL: return QR_ECLEVEL_L;
    case Level::kM: return QR_ECLEVEL_M;
    case Level::kQ: return QR_ECLEVEL_Q;
    case Level::kH: return QR_ECLEVEL_H;
  }
  return QR_ECLEVEL_M;
}

}  // namespace

int Matrix::count_dark() const { return static_cast<int>(std::count(dark.begin(), dark.end(), 1)); }

Matrix Encode(std::string_view text, Level level) {
  // Structured input keeps NUL bytes and does not rely on NUL termination.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        LevelOf(level)),
      &QRcode_free);
  if (!code) throw std::invalid_argument("text too long for a QR code");
  Matrix m;
  m.version = code->version;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size) * static_cast<size_t>(m.size));
  // libqrencode: bit 0 of each byte is the module's colour (1 = dark).
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
  return m;
}

std::string Svg(const Matrix& m, std::string_view label, int pixels) {
  const int side = m.size + 2 * kQuietZone;
  const std::string label_text = text::XmlEscape(label);
  std::string d;
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size;) {
      if (!m.at(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < m.size && m.at(x + run, y)) ++run;
      d += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" + std::to_string(run) +
           "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"" + std::to_string(pixels) + "\" height=\"" +
         std::to_string(pixels) + "\" viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) +
         "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + label_text + "\"><title>" + label_text +
         "</title><rect width=\"" + std::to_string(side) + "\" height=\"" + std::to_string(side) +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>";
}

}  // namespace fg::render::qr
