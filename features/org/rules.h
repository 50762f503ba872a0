// Pure rules for units and officials: parsing and validating input, which
// levels may hang under which, whether a unit is in force on a date.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "features/org/model.h"

namespace fg::org {

std::string_view LevelName(Level l);  // "province", "district", "commune", "ward", "township", "special_zone"
std::optional<Level> ParseLevel(std::string_view s);
bool IsCommuneLevel(Level l);
// Whether a unit of `child` level may have a parent of `parent` level
// (nullopt parent: a root, only a province).
bool ParentAllowed(Level child, std::optional<Level> parent);
bool InForce(const Unit& u, std::string_view date);

// Trims, checks and normalises; throws AppError(kBadRequest) naming the field.
struct UnitDraft {
  std::string code, name;
  Level level;
  std::string parent_code;  // "" for a root
  std::string valid_from;
  std::optional<std::string> valid_to;
  std::string successor_code;
};
UnitDraft ValidateUnit(const UnitInput& in, std::string_view today);

void ValidateUsername(std::string_view s);
void ValidatePassword(std::string_view s);  // length 10..128
// Clean text (text::Clean) of the right shape, or BadInput naming "phone" / "email"; "" allowed.
std::string ValidatePhone(std::string_view s);  // 8-15 digits, a leading "+", spaces, dots, dashes
std::string ValidateEmail(std::string_view s);  // one "@", a dotted domain, no spaces or specials

// ---- photos ----
inline constexpr size_t kMaxPhotoBytes = 512 * 1024;
inline constexpr int64_t kMaxPhotoSide = 2000;  // pixels, each of width and height

struct ImageInfo {
  std::string mime;  // image/png or image/jpeg
  int64_t width = 0, height = 0;
};
// The type and pixel size of a PNG or JPEG, read from its header (the PNG
// IHDR chunk; the JPEG frame header, SOFn); nullopt for anything else or a
// header too broken to give them.
std::optional<ImageInfo> SniffImage(std::string_view bytes);
// The checked photo (field "photo"): empty -> 400, over kMaxPhotoBytes -> 413,
// not a PNG/JPEG -> 415, wider or taller than kMaxPhotoSide -> 400.
ImageInfo CheckPhoto(std::string_view bytes);

// The phone with all but the last three digits masked, for public pages.
std::string MaskPhone(std::string_view phone);

}  // namespace fg::org
