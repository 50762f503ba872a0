// JSON shapes of the desk, shared by the API, the stored columns
// (documents_json, steps_json) and the event log.
#pragma once
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "features/desk/model.h"

namespace fg::desk {

boost::json::value ToJson(const Procedure& p);
// `personal`: with the applicant's name, ID number, phone, e-mail and address.
boost::json::value ToJson(const Dossier& d, bool personal = true);
boost::json::value ToJson(const Handover& h);
boost::json::value ToJson(const Entry& e);
boost::json::value ToJson(const Apology& a);
// A statistics report (docs/api.md, GET /api/v1/dossiers/stats).
boost::json::value ToJson(const StatsReport& r);

std::string DocumentsText(const std::vector<Document>& docs);
std::vector<Document> DocumentsFrom(const std::string& json);
std::string StepsText(const std::vector<Step>& steps);
std::vector<Step> StepsFrom(const std::string& json);

// Instants as shown by the API: RFC 3339 at UTC+7 ("" stays null).
boost::json::value InstantJson(const std::string& utc_text);

}  // namespace fg::desk
