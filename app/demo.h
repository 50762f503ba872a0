#pragma once
#include "features/accounts/service.h"
#include "features/calendar/service.h"
#include "features/org/service.h"

namespace fg::app {
// Seeds the demo province (idempotent). Returns false if it was already there.
bool SeedDemo(org::Service& org, calendar::Service& calendar, accounts::Service& accounts);
}  // namespace fg::app
