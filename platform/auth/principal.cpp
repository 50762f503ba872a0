#include "platform/auth/principal.h"

#include <algorithm>

namespace fg::auth {
namespace {
bool RoleIn(Role r, std::initializer_list<Role> roles) {
  return roles.size() == 0 || std::find(roles.begin(), roles.end(), r) != roles.end();
}
}  // namespace

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kAdmin: return "admin";
    case Role::kLeader: return "leader";
    case Role::kDesk: return "desk";
    case Role::kSpecialist: return "specialist";
    case Role::kEvaluator: return "evaluator";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (Role r : kAllRoles)
    if (RoleName(r) == s) return r;
  return std::nullopt;
}

bool Covers(const Principal& p, std::string_view unit_path, std::initializer_list<Role> roles) {
  for (const auto& g : p.grants)
    if (RoleIn(g.role, roles) && !g.unit_path.empty() && unit_path.substr(0, g.unit_path.size()) == g.unit_path)
      return true;
  return false;
}

bool HasRole(const Principal& p, Role r) {
  return std::any_of(p.grants.begin(), p.grants.end(), [&](const Grant& g) { return g.role == r; });
}

std::vector<std::string> Roots(const Principal& p, std::initializer_list<Role> roles) {
  std::vector<std::string> paths;
  for (const auto& g : p.grants)
    if (RoleIn(g.role, roles)) paths.push_back(g.unit_path);
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> roots;
  for (auto& path : paths)
    if (roots.empty() || path.rfind(roots.back(), 0) != 0) roots.push_back(path);
  return roots;
}

}  // namespace fg::auth
