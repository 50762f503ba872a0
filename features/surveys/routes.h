#pragma once
#include <memory>

#include "features/surveys/service.h"
#include "platform/http/app.h"

namespace fg::surveys {
// /api/v1/criteria-sets, /api/v1/dossiers/{code}/evaluations,
// /api/v1/public/evaluations, /api/v1/evaluations/report (api.cpp).
void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc);
// /danh-gia-ho-so (the citizen's, public), /desk/dossiers/{code}/evaluation
// (the evaluator's), /surveys/evaluations (+ .csv: the report) (pages.cpp).
void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc);
// Survey campaigns: /api/v1/surveys/campaigns..., /api/v1/public/surveys/{token}
// (campaign_api.cpp, called by RegisterApi); /khao-sat/..., /surveys/campaigns...
// (campaign_pages.cpp, called by RegisterPages).
void RegisterCampaignApi(http::App& app, const std::shared_ptr<Service>& svc);
void RegisterCampaignPages(http::App& app, const std::shared_ptr<Service>& svc);
// /surveys/questionnaires... : the list, one version, its preview, the editor
// (questionnaire_pages.cpp, called by RegisterPages).
void RegisterQuestionnairePages(http::App& app, const std::shared_ptr<Service>& svc);
}  // namespace fg::surveys
