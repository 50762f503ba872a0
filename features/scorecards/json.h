// JSON of criteria sets (import, export and the API). Points are numbers of
// points (14, 1.25) or strings as people write them ("1,25"); rates are percents.
//   {"code", "name", "description", "sample", "min_volume",
//    "recognition": {"min_total", "min_share_percent", "disqualifiers": [{"key", "title"}]},
//    "criteria": [{"key", "title", "guidance", "max", "evidence_required", "evidence_what",
//                  "method": "manual|indicator|survey", "step", "indicator", "min_volume",
//                  "rule": {"kind": "target|bands|penalty", "target_percent",
//                           "bands": [{"from_percent", "points"}], "per", "floor"},
//                  "children": [...]}]}
#pragma once
#include <boost/json.hpp>
#include <string_view>

#include "features/scorecards/model.h"
#include "features/scorecards/service.h"

namespace fg::scorecards {
boost::json::value PointsJson(Points p);
boost::json::value ToJson(const CriteriaSet& s);
// Reads a set (not yet checked: see ValidateSet). BadInput naming the field
// ("criteria[1].children[0].max") when a value has the wrong type.
CriteriaSet SetFromJson(const boost::json::object& o);
// The same from a JSON text (a shipped template or an uploaded file);
// BadInput("error.bad_json", "file") when it is not a JSON object.
CriteriaSet SetFromJsonText(std::string_view text);
// An assessment: its lines, and with a view its score (points by key, each
// line's raw figure), recognition and gaps.
boost::json::value ToJson(const Assessment& a);
boost::json::value ToJson(const AssessmentView& v);
boost::json::value ToJson(const Ranking& r);
// The ranking's rows, each with `recognised` and the reasons it is not
// (`total_ok`, `weak_criteria` and `disqualified_by` as keys), and `recognised_count`.
boost::json::value ToJson(const RecognitionList& l);
boost::json::value ToJson(const History& h);
// target: a rate's in percent (98.5), a count's as a number.
boost::json::value ToJson(const Commitment& k);
boost::json::value ToJson(const CommitmentProgress& k);
// A target typed in JSON, a number or a text ("98,5"), as the text ParseCommitment reads.
std::string TargetText(const boost::json::object& body);
boost::json::value ToJson(const Evidence& e);
// {"lines": {"1.1": {"points": "1,75", "explanation": "..."}}}; BadInput naming the field.
std::map<std::string, SelfInput> SelfFrom(const boost::json::object& body);
// {"lines": {"1.2": {"decision": "accept" | "adjust", "points", "reason"}}, "flags": [...]}.
std::map<std::string, AppraisalInput> AppraisalFrom(const boost::json::object& body);
std::optional<std::set<std::string>> FlagsFrom(const boost::json::object& body);
}  // namespace fg::scorecards
