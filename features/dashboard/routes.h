#pragma once
#include "features/org/service.h"
#include "platform/db/db.h"
#include "platform/http/app.h"

namespace fg::dashboard {
// The dashboard page, the event log page, and operations endpoints
// (/healthz, /metrics, /api/v1/health).
void Register(http::App& app, db::Db& db, org::Service& org);
}  // namespace fg::dashboard
