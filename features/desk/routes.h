#pragma once
#include "features/desk/service.h"
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::desk {
void RegisterApi(http::App& app, Service& svc);
// The officials' work pages: /desk (home), /desk/dossiers (lists, search),
// /desk/intake, /desk/dossiers/{code} and its action forms.
void RegisterDossiersPages(http::App& app, Service& svc, org::Service& org);
// Printed forms 01-06 (HTML, PDF; PDF in the API too) and form 07, the register (HTML, PDF, XLSX).
void RegisterFormsPages(http::App& app, Service& svc, org::Service& org);
// The procedure catalogue's pages and the dossier-code settings (pages_procedures.cpp).
void RegisterProceduresPages(http::App& app, Service& svc, org::Service& org);
// The catalogue as CSV over the API (procedures_api.cpp).
void RegisterProceduresCsvApi(http::App& app, Service& svc);
// /desk/stats and /desk/stats.xlsx (pages_stats.cpp).
void RegisterStatsPages(http::App& app, Service& svc);
// /tra-cuu, the public lookup (pages_lookup.cpp).
void RegisterLookupPages(http::App& app, Service& svc);
}  // namespace fg::desk
