// Shared by the scorecard pages and API (recognition_pages.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features/scorecards/model.h"
#include "platform/auth/principal.h"

namespace fg::scorecards {

// Why a score is not recognised, one sentence per reason, in the catalogue's words.
std::vector<std::string> RecognitionReasons(const CriteriaSet& s, const RecognitionResult& r);

// A set id typed in a query or form: digits only ("" = 0); 400
// scorecards.set_not_found on `field` otherwise.
int64_t SetIdOf(std::string_view text, const std::string& field);

class Service;
// The set a ranking or recognition page shows when none is asked for: the set
// of the newest locked assessment the caller sees, else of the newest one,
// else the first of `sets`.
int64_t DefaultSet(Service& svc, const auth::Principal& p, const std::vector<CriteriaSet>& sets);

}  // namespace fg::scorecards
