#pragma once
#include <memory>

#include "features/feedback/service.h"
#include "platform/http/app.h"

namespace fg::feedback {
// Citizens: /gop-y (form), /gop-y/da-gui (confirmation), /gop-y/tra-cuu (lookup), POST /gop-y/danh-gia
// (satisfaction with the answer) and /gop-y/mo-lai (reopen); officials: /feedback (register), /feedback/new,
// /feedback/{code} and its actions (pages.cpp).
void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc);
// POST /api/v1/feedback/webhooks/{channel}/{unit}, PUT /api/v1/feedback/channels/{channel} (api.cpp).
void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc);
// /feedback/thong-ke, /feedback/thong-ke.xlsx, GET /api/v1/feedback/stats (stats_pages.cpp).
void RegisterStatsPages(http::App& app, const std::shared_ptr<Service>& svc);
// /feedback/doi-thoai and its pages: dialogue sessions and their minutes (dialogue_pages.cpp).
void RegisterDialoguePages(http::App& app, const std::shared_ptr<Service>& svc);
// /feedback/kenh: an administrator connects a unit's Zalo OA and Facebook page (channel_pages.cpp).
void RegisterChannelPages(http::App& app, const std::shared_ptr<Service>& svc);
// Open311 GeoReport v2 at /open311/v2/ (open311_api.cpp).
void RegisterOpen311(http::App& app, const std::shared_ptr<Service>& svc);
}  // namespace fg::feedback
