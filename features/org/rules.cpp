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
  d.code = text::Clean("code", in.code, 20, true);
  if (!std::all_of(d.code.begin(), d.code.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; }))
    throw BadInput("org.bad_code", "code");
  d.name = text::Clean("name", in.name, 200, true);
  auto level = ParseLevel(text::Clean("level", in.level, 40, false));
  if (!level) throw BadInput("org.bad_level", "level");
  d.level = *level;
  d.parent_code = text::Clean("parent_code", in.parent_code, 20, false);
  d.valid_from = text::Clean("valid_from", in.valid_from, 40, false);
  if (d.valid_from.empty()) d.valid_from = std::string(today);
  if (!IsIsoDate(d.valid_from)) throw BadInput("error.bad_date", "valid_from");
  std::string to = text::Clean("valid_to", in.valid_to, 40, false);
  if (!to.empty()) {
    if (!IsIsoDate(to)) throw BadInput("error.bad_date", "valid_to");
    if (to <= d.valid_from) throw BadInput("org.bad_validity", "valid_to");
    d.valid_to = to;
  }
  d.successor_code = text::Clean("successor_code", in.successor_code, 20, false);
  if (!d.successor_code.empty() && !d.valid_to) throw BadInput("org.successor_needs_end", "successor_code");
  if (d.parent_code == d.code) throw BadInput("org.parent_cycle", "parent_code");
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

std::string ValidatePhone(std::string_view s) {
  std::string t = text::Clean("phone", s, 32, false);
  if (t.empty()) return t;
  size_t digits = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (std::isdigit(static_cast<unsigned char>(c)))
      ++digits;
    else if (!(c == ' ' || c == '.' || c == '-' || (c == '+' && i == 0)))
      throw BadInput("org.bad_phone", "phone");
  }
  if (digits < 8 || digits > 15) throw BadInput("org.bad_phone", "phone");
  return t;
}

std::string ValidateEmail(std::string_view s) {
  std::string t = text::Clean("email", s, 254, false);
  if (t.empty()) return t;
  const size_t at = t.find('@');
  if (at == std::string::npos || at == 0 || at > 64 || t.find('@', at + 1) != std::string::npos)
    throw BadInput("org.bad_email", "email");
  const std::string_view domain = std::string_view(t).substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos || t.find_first_of(" \t<>()[],;:\\\"") != std::string::npos)
    throw BadInput("org.bad_email", "email");
  return t;
}

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
