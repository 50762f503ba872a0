// Letters as JSON (API, event payloads).
#pragma once
#include <boost/json.hpp>

#include "features/letters/model.h"

namespace fg::letters {

// `personal`: with the recipient's address and phone (officials of the unit).
boost::json::value ToJson(const Letter& l, bool personal);
boost::json::value ToJson(const Template& t);
boost::json::value ToJson(const Settings& s);
boost::json::value ToJson(const Counts& c);
boost::json::value ToJson(const DoNotSend& d);

}  // namespace fg::letters
