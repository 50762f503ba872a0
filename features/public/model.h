// The public side of the site: what citizens see of the administrative units
// (no login). A place is a commune-level unit (commune, ward, township, special
// zone) with the names of its parent and province, so that pages show names.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// "public" is a C++ keyword: the feature's namespace is `pub`.
namespace fg::pub {

struct Place {
  std::string code;
  std::string name;
  std::string parent_code, parent_name;      // the district (before 1/7/2025) or the province
  std::string province_code, province_name;  // the root of the unit's tree
  std::string valid_from;                    // YYYY-MM-DD
  std::optional<std::string> valid_to;       // exclusive
  std::string successor_code, successor_name;
};

enum class PlaceStatus { kInForce, kEnded, kNotYet };

struct SearchResult {
  std::vector<Place> places;  // at most kMaxResults
  bool more = false;          // more places matched than are listed
};

// ---- the directory (danh bạ) ----

// What one official agreed to publish in their unit's directory, field by
// field. Nothing is published unless `listed`; then the name, and each other
// field only with its own consent.
struct Publication {
  bool listed = false;
  bool position = false;
  bool phone = false;
  bool email = false;
  bool hours = false;
  bool photo = false;      // migration 0032
  std::string hours_text;  // receiving hours as typed ("Sáng thứ Hai, thứ Tư 7:30 – 11:30")
  int64_t sort_order = 100;
  std::string updated_at;  // "" when never set
};

// The form as sent (checkboxes "1" when ticked).
struct PublicationInput {
  bool listed = false, position = false, phone = false, email = false, hours = false, photo = false;
  std::string hours_text, sort_order;
};

// An official as the directory needs them (their own data, before consent).
struct DirectoryPerson {
  int64_t official_id = 0;
  std::string full_name, position, phone, email;
  std::string photo_version;  // "" without a photo (org::Photo::version)
  Publication publication;
};

// One line of the directory: only what was agreed; "" for the rest.
struct DirectoryEntry {
  std::string name, position, phone, email, hours;
  int64_t official_id = 0;
  std::string photo_version;  // "" unless there is a photo and it was agreed to
};

// A unit's mottos and code of conduct (migration 0033): plain text, one motto
// or rule a line; each unit its own (not inherited from a parent).
struct Conduct {
  std::string mottos, code;
  std::string updated_at;  // "" when never set
};

// ---- live figures (so liệu) ----

// The figures of one month ("YYYY-MM") or one period, summed from the desk's,
// the ratings' and the feedback register's maintained counters.
struct FigureLine {
  std::string key;
  int64_t received = 0;
  int64_t resolved = 0;          // early + on time + late
  int64_t resolved_on_time = 0;  // early + on time
  int64_t ratings = 0;
  int64_t satisfied = 0;  // very satisfied + satisfied
  int64_t answered = 0;   // feedback with a due date given its first reply
  int64_t answered_on_time = 0;
};

}  // namespace fg::pub
