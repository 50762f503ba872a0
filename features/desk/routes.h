#pragma once
#include "features/desk/service.h"
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::desk {
void RegisterApi(http::App& app, Service& svc);
// Printed forms 01-06 (HTML, PDF; PDF in the API too) and form 07, the register (HTML, PDF, XLSX).
void RegisterFormsPages(http::App& app, Service& svc, org::Service& org);
}  // namespace fg::desk
