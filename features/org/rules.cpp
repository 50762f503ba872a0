#include "features/org/rules.h"

#include <algorithm>
#include <cctype>

#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::org {

std::string_view LevelName(Level l) {
  switch (l) {
    case Level::kProvince: return "province";
    case Level::kDistrict: return "district";
    case Level::kCommune: return "commune";
    case Level::kWard: return "ward";
    case Level::kTownship: return "township";
    case Level::kSpecialZone: return "special_zone";
  }
  return "";
}

std::optional<Level> ParseLevel(std::string_view s) {
  for (Level l :
       {Level::kProvince, Level::kDistrict, Level::kCommune, Level::kWard, Level::kTownship, Level::kSpecialZone})
    if (LevelName(l) == s) return l;
  return std::nullopt;
}

bool IsCommuneLevel(Level l) { return l != Level::kProvince && l != Level::kDistrict; }

bool ParentAllowed(Level child, std::optional<Level> parent) {
  if (!parent) return child == Level::kProvince;
  switch (child) {
    case Level::kProvince: return false;
    case Level::kDistrict: return *parent == Level::kProvince;
    default: return *parent == Level::kProvince || *parent == Level::kDistrict;
  }
}

bool InForce(const Unit& u, std::string_view date) {
  return u.valid_from <= date && (!u.valid_to || date < *u.valid_to);
}

UnitDraft ValidateUnit(const UnitInput& in, std::string_view today) {
  UnitDraft d;
  Problems p;
  d.code = p.check([&] {
    auto code = text::Clean("code", in.code, 20, true);
    if (!std::all_of(code.begin(), code.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; }))
      throw BadInput("org.bad_code", "code");
    return code;
  });
  d.name = p.check([&] { return text::Clean("name", in.name, 200, true); });
  auto level = p.check([&] { return ParseLevel(text::Clean("level", in.level, 40, false)); });
  if (!level && !p.has("level")) p.add(BadInput("org.bad_level", "level"));
  d.level = level.value_or(Level::kCommune);
  d.parent_code = p.check([&] { return text::Clean("parent_code", in.parent_code, 20, false); });
  d.valid_from = p.check([&] {
    auto from = text::Clean("valid_from", in.valid_from, 40, false);
    if (from.empty()) from = std::string(today);
    if (!IsIsoDate(from)) throw BadInput("error.bad_date", "valid_from");
    return from;
  });
  p.check([&] {
    std::string to = text::Clean("valid_to", in.valid_to, 40, false);
    if (to.empty()) return;
    if (!IsIsoDate(to)) throw BadInput("error.bad_date", "valid_to");
    if (!d.valid_from.empty() && to <= d.valid_from) throw BadInput("org.bad_validity", "valid_to");
    d.valid_to = to;
  });
  d.successor_code = p.check([&] { return text::Clean("successor_code", in.successor_code, 20, false); });
  if (!d.successor_code.empty() && !d.valid_to && !p.has("valid_to"))
    p.add(BadInput("org.successor_needs_end", "successor_code"));
  if (!d.code.empty() && d.parent_code == d.code) p.add(BadInput("org.parent_cycle", "parent_code"));
  p.raise_if_any();
  return d;
}

void ValidateUsername(std::string_view s) {
  if (s.size() < 3 || s.size() > 40 || !std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      }))
    throw BadInput("org.bad_username", "username");
}

void ValidatePassword(std::string_view s) {
  auto n = text::Length(s);
  if (!n || *n < 10 || s.size() > 128) throw BadInput("org.weak_password", "password");
}

std::string ValidatePhone(std::string_view s) { return text::Phone("phone", s); }

std::string ValidateEmail(std::string_view s) { return text::Email("email", s); }

std::string MaskPhone(std::string_view phone) {
  std::string out(phone);
  size_t digits =
      std::count_if(out.begin(), out.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  size_t seen = 0;
  for (char& c : out)
    if (std::isdigit(static_cast<unsigned char>(c)) && ++seen <= digits - std::min<size_t>(digits, 3)) c = '*';
  return out;
}

namespace {

uint32_t Be(std::string_view b, size_t at, int n) {
  uint32_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::optional<ImageInfo> SniffPng(std::string_view b) {
  // Signature, then the IHDR chunk first: length 13, "IHDR", width, height.
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return ImageInfo{"image/png", Be(b, 16, 4), Be(b, 20, 4)};
}

std::optional<ImageInfo> SniffJpeg(std::string_view b) {
  size_t i = 2;  // after SOI
  while (i + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
    const unsigned char marker = static_cast<unsigned char>(b[i + 1]);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      i += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end or scan before any frame header
    const uint32_t len = Be(b, i + 2, 2);
    if (len < 2) return std::nullopt;
    // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (len < 7 || i + 9 > b.size()) return std::nullopt;
      return ImageInfo{"image/jpeg", Be(b, i + 7, 2), Be(b, i + 5, 2)};
    }
    i += 2 + len;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageInfo> SniffImage(std::string_view b) {
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return SniffPng(b);
  if (b.starts_with("\xFF\xD8\xFF")) return SniffJpeg(b);
  return std::nullopt;
}

ImageInfo CheckPhoto(std::string_view bytes) {
  if (bytes.empty()) throw BadInput("org.photo.empty", "photo");
  if (bytes.size() > kMaxPhotoBytes)
    throw AppError(ErrorKind::kTooLarge, "org.photo.too_large", "photo",
                   {{"max", std::to_string(kMaxPhotoBytes / 1024)}});
  auto info = SniffImage(bytes);
  if (!info) throw AppError(ErrorKind::kUnsupportedMediaType, "org.photo.type", "photo");
  if (info->width < 1 || info->height < 1 || info->width > kMaxPhotoSide || info->height > kMaxPhotoSide)
    throw BadInput("org.photo.dimensions", "photo",
                   {{"max", std::to_string(kMaxPhotoSide)},
                    {"width", std::to_string(info->width)},
                    {"height", std::to_string(info->height)}});
  return *info;
}

}  // namespace fg::org
