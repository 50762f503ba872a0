// Administrative units (a dated tree of any depth) and officials.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.h"

namespace fg::org {

// Province -> (district, before 1/7/2025) -> commune / ward / township / special zone.
enum class Level { kProvince, kDistrict, kCommune, kWard, kTownship, kSpecialZone };

struct Unit {
  int64_t id = 0;
  std::string code;  // official code (GSO list), unique
  std::string name;
  Level level = Level::kCommune;
  std::optional<int64_t> parent_id;
  std::string parent_code;
  std::string path;                     // "/<root id>/.../<id>/"
  std::string valid_from;               // YYYY-MM-DD
  std::optional<std::string> valid_to;  // exclusive; none while in force
  std::optional<int64_t> successor_id;  // the unit it merged into
  std::string successor_code;
  std::string created_at;
  std::string updated_at;
};

// Raw input from a form, the API or a CSV row; empty means "not given".
struct UnitInput {
  std::string code, name, level, parent_code, valid_from, valid_to, successor_code;
};

struct Official {
  int64_t id = 0;
  std::string username;
  std::string full_name;
  int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_name;
  std::string unit_path;
  std::string position;
  std::string phone;
  std::string email;
  bool active = true;
  std::vector<auth::Grant> grants;
  std::string created_at;
};

struct OfficialInput {
  std::string username, full_name, unit_code, position, phone, email, password;
  std::optional<bool> active;
};

// An official's photo (migration 0032): what is known without the bytes.
struct Photo {
  int64_t official_id = 0;
  std::string mime;  // image/jpeg or image/png, from the content
  int64_t width = 0, height = 0, size = 0;
  std::string sha256;  // of the bytes: the ETag and the version in its URLs
  std::string updated_at;
  std::string version() const { return sha256.substr(0, 16); }
};

struct PhotoFile {
  Photo photo;
  std::string bytes;
};

struct Counts {
  int64_t units = 0;
  int64_t units_in_force = 0;
  int64_t provinces = 0, districts = 0, communes = 0;  // in force; communes: every commune level
  int64_t officials = 0;
  int64_t active_officials = 0;
};

}  // namespace fg::org
