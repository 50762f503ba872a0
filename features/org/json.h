// JSON shapes of units and officials, shared by the API and the event log.
#pragma once
#include <boost/json/value.hpp>

#include "features/org/model.h"

namespace fg::org {

boost::json::value ToJson(const Unit& u);
boost::json::value ToJson(const Official& o);

}  // namespace fg::org
