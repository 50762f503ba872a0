// A cairo image surface as PNG bytes (the demo's drawn portrait, test images).
#pragma once
#include <cairo.h>

#include <string>

namespace fg::render {

inline std::string PngBytes(cairo_surface_t* surface) {
  std::string out;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &out);
  return out;
}

}  // namespace fg::render
