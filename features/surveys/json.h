// JSON of evaluations, criteria sets and reports (the API's bodies).
#pragma once
#include <boost/json.hpp>

#include "features/surveys/service.h"

namespace fg::surveys {
boost::json::value ToJson(const CriteriaSet& s);
boost::json::value ToJson(const Evaluation& e);
boost::json::value ToJson(const EvaluationView& v);
boost::json::value ToJson(const EvaluationReport& r);
// {"c5": 2, "c6": "1"} as the text Score reads; BadInput "points" when not an object of numbers or strings.
std::map<std::string, std::string> PointsFrom(const boost::json::object& body);
// A criteria set from {"code", "name", "criteria": [{"key","label","compute","max"}]}.
CriteriaSet CriteriaSetFrom(const boost::json::object& body);
boost::json::value ToJson(const Questionnaire& q);
// {"code", "name", "sections": [{"title", "questions": [{"key", "text", "kind", "required", "options", "element"}]}]}.
Questionnaire QuestionnaireFrom(const boost::json::object& body);
}  // namespace fg::surveys
