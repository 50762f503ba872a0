// Who is acting, and the pure rule deciding which units they may act on:
// a role granted on a unit covers that unit's whole subtree.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::auth {

enum class Role { kAdmin, kLeader, kDesk, kSpecialist, kEvaluator };

std::string_view RoleName(Role r);  // "admin", "leader", "desk", "specialist", "evaluator"
std::optional<Role> ParseRole(std::string_view s);
inline constexpr Role kAllRoles[] = {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist, Role::kEvaluator};

struct Grant {
  int64_t id = 0;
  Role role = Role::kDesk;
  int64_t unit_id = 0;
  std::string unit_path;  // materialised path of the unit, "/1/4/"
  std::string unit_code;
  std::string unit_name;
};

struct Principal {
  int64_t official_id = 0;
  std::string username;
  std::string full_name;
  int64_t unit_id = 0;
  std::vector<Grant> grants;
  std::string csrf_token;  // of the session; empty for API tokens
  bool via_api_token = false;
  // The session's password was set by an administrator: until it is changed,
  // only changing it is allowed (accounts::Service::Authenticate).
  bool must_change_password = false;
};

// True when one of the principal's grants with a role in `roles` (any role if
// empty) is on `unit_path` or one of its ancestors.
bool Covers(const Principal& p, std::string_view unit_path, std::initializer_list<Role> roles = {});
bool HasRole(const Principal& p, Role r);
// The paths of the principal's grants with a role in `roles`, without paths
// already covered by another one: the roots of what they may see.
std::vector<std::string> Roots(const Principal& p, std::initializer_list<Role> roles = {});

}  // namespace fg::auth
