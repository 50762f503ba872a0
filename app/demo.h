#pragma once
#include "features/accounts/service.h"
#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/letters/service.h"
#include "features/org/service.h"

namespace fg::app {
// Seeds the demo province (idempotent). Returns false if it was already there.
bool SeedDemo(db::Db& db, org::Service& org, calendar::Service& calendar, accounts::Service& accounts,
              desk::Service& desk);
// The desk's catalogue and a few hundred dossiers (part of SeedDemo).
void SeedDesk(db::Db& db, org::Service& org, calendar::Service& calendar, desk::Service& desk);
// Letters from the demo dossiers' events (drafts; most of them signed) and a few
// made by hand, so that the register and the counts have content.
void SeedLetters(letters::Service& letters);
// A paired tablet and ratings of the demo dossiers and officials (part of SeedDemo).
void SeedRatings(db::Db& db, org::Service& org);
// A few feedback items of the ward, one answered and published (part of SeedDemo).
void SeedFeedback(db::Db& db, org::Service& org, calendar::Service& calendar);
// The scorecard templates and a draft self-assessment of the demo ward (after SeedDemo).
void SeedScorecards(db::Db& db, org::Service& org, const std::string& assets_dir);
// A SIPAS survey campaign at the demo ward with a printed sheet and answers (part of SeedDemo).
void SeedSurveys(db::Db& db, org::Service& org, desk::Service& desk);
}  // namespace fg::app
