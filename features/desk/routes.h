#pragma once
#include "features/desk/service.h"
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::desk {
void RegisterApi(http::App& app, Service& svc);
// The officials' work pages: /desk (home), /desk/dossiers (lists, search),
// /desk/intake, /desk/dossiers/{code} and its action forms.
void RegisterDossiersPages(http::App& app, Service& svc, org::Service& org);
}  // namespace fg::desk
