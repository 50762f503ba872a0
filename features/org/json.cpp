#include "features/org/json.h"

#include <boost/json.hpp>

#include "features/org/rules.h"

namespace fg::org {

boost::json::value ToJson(const Unit& u) {
  boost::json::object o{
      {"code", u.code},
      {"name", u.name},
      {"level", LevelName(u.level)},
      {"parent_code", u.parent_code.empty() ? boost::json::value() : boost::json::value(u.parent_code)},
      {"valid_from", u.valid_from},
      {"valid_to", u.valid_to ? boost::json::value(*u.valid_to) : boost::json::value()},
      {"successor_code", u.successor_code.empty() ? boost::json::value() : boost::json::value(u.successor_code)}};
  return o;
}

boost::json::value ToJson(const Official& o) {
  boost::json::array roles;
  for (auto& g : o.grants)
    roles.push_back({{"id", g.id}, {"role", auth::RoleName(g.role)}, {"unit_code", g.unit_code}});
  return boost::json::object{{"id", o.id},
                             {"username", o.username},
                             {"full_name", o.full_name},
                             {"unit_code", o.unit_code},
                             {"position", o.position},
                             {"phone", o.phone},
                             {"email", o.email},
                             {"active", o.active},
                             {"roles", roles}};
}

}  // namespace fg::org
