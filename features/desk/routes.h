#pragma once
#include "features/desk/service.h"
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::desk {
void RegisterApi(http::App& app, Service& svc);
// The procedure catalogue's pages and the dossier-code settings (pages_procedures.cpp).
void RegisterProceduresPages(http::App& app, Service& svc, org::Service& org);
// The catalogue as CSV over the API (procedures_api.cpp).
void RegisterProceduresCsvApi(http::App& app, Service& svc);
}  // namespace fg::desk
