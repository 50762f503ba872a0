#pragma once
#include <memory>

#include "features/surveys/service.h"
#include "platform/http/app.h"

namespace fg::surveys {
// /api/v1/criteria-sets, /api/v1/dossiers/{code}/evaluations,
// /api/v1/public/evaluations, /api/v1/evaluations/report (api.cpp).
void RegisterApi(http::App& app, std::shared_ptr<Service> svc);
// /danh-gia-ho-so (the citizen's, public), /desk/dossiers/{code}/evaluation
// (the evaluator's), /surveys/evaluations (+ .csv: the report) (pages.cpp).
void RegisterPages(http::App& app, std::shared_ptr<Service> svc);
}  // namespace fg::surveys
