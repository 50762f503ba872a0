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

}  // namespace fg::org
