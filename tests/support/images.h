// Small images for upload tests: a real PNG drawn by cairo, and the start of
// a JPEG (SOI, a JFIF APP0 segment, a frame header) written by hand from the
// JPEG standard (ITU T.81, B.2.2), enough for header readers.
#pragma once
#include <string>

#include "platform/render/png.h"

namespace fg::testing {

inline std::string PngOf(int width, int height) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::string out = render::PngBytes(s);
  cairo_surface_destroy(s);
  return out;
}

// `sof` 0xC0 (baseline) or 0xC2 (progressive).
inline std::string JpegOf(int width, int height, unsigned char sof = 0xC0) {
  std::string j = "\xFF\xD8";                                                            // SOI
  j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);  // APP0, length 16
  j += std::string("\xFF", 1) + static_cast<char>(sof);
  j += std::string("\x00\x11\x08", 3);  // length 17, precision 8
  j += static_cast<char>(height >> 8);
  j += static_cast<char>(height & 0xFF);
  j += static_cast<char>(width >> 8);
  j += static_cast<char>(width & 0xFF);
  j += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);  // 3 components
  j += std::string(64, '\0');                                        // stands for the rest
  j += "\xFF\xD9";                                                   // EOI
  return j;
}

}  // namespace fg::testing
