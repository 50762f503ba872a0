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
}  // namespace fg::desk
