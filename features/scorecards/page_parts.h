// Parts shared by the scorecard pages and API: the reasons a score is not
// recognised, a set id typed in a query, and the filters of the report pages
// (ranking, recognised units, history): the set and period selects. Their
// definitions are in page_parts.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <ctemplate/template.h>

#include "features/scorecards/model.h"
#include "features/scorecards/service.h"
#include "platform/auth/principal.h"
#include "platform/http/message.h"

namespace fg::scorecards {

// Why a score is not recognised, one sentence per reason, in the catalogue's words.
std::vector<std::string> RecognitionReasons(const CriteriaSet& s, const RecognitionResult& r);

// The caller's administrator grants: the units a set may be imported or versioned for.
std::vector<const auth::Grant*> AdminGrants(const auth::Principal& p);

// How a leaf is scored, in a sentence ("Chấm tay, bước 0,25 điểm" ...).
std::string MethodText(const Criterion& c);

// A set id typed in a query or form: digits only ("" = 0); 400
// scorecards.set_not_found on `field` otherwise.
int64_t SetIdOf(std::string_view text, const std::string& field);

// ---- the report pages' filters ----
// ?set= of a report page: 0 when absent; 404 scorecards.set_not_found when it is no id.
int64_t SetFromQuery(const http::Request& req);
// The assessments of the caller's subtree, newest period first ({} when the
// caller covers no unit of their own).
std::vector<Assessment> AssessmentsSeen(Service& svc, const auth::Principal& p);
// Fills OPTION (ID, NAME, SELECTED) with `sets` (one per code, named without
// its version, when `per_code`) and returns the set to show: `asked`, else the
// set of the newest locked assessment of `seen`, else of the newest, else the
// first set; 0 when there is none.
int64_t SetOptions(ctemplate::TemplateDictionary& b, const std::vector<CriteriaSet>& sets,
                   const std::vector<Assessment>& seen, int64_t asked, bool per_code);
// Fills PERIOD (FROM, TEXT, SELECTED) with the ranking's periods and shows
// HAS_PERIODS when there are any.
void PeriodOptions(ctemplate::TemplateDictionary& b, const Ranking& r);
// Whether `from` ("" = the default) is a period the ranking's set has: a page
// whose set was changed asks again with "" rather than show an empty period.
bool KnownPeriod(const Ranking& r, const std::string& from);

}  // namespace fg::scorecards
