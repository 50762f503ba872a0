// JSON shapes of the desk, shared by the API, the stored columns
// (documents_json, steps_json) and the event log.
#pragma once
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "features/desk/model.h"

namespace fg::desk {

boost::json::value ToJson(const Procedure& p);

std::string DocumentsText(const std::vector<Document>& docs);
std::vector<Document> DocumentsFrom(const std::string& json);
std::string StepsText(const std::vector<Step>& steps);
std::vector<Step> StepsFrom(const std::string& json);

}  // namespace fg::desk
