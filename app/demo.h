#pragma once
#include "features/calendar/service.h"
#include "features/org/service.h"

namespace fg::app {
// Seeds the demo province (idempotent). Returns false if it was already there.
bool SeedDemo(org::Service& org, calendar::Service& calendar);
}  // namespace fg::app
