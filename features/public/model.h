// The public side of the site: what citizens see of the administrative units
// (no login). A place is a commune-level unit (commune, ward, township, special
// zone) with the names of its parent and province, so that pages show names.
#pragma once
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

}  // namespace fg::pub
