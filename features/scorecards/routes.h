#pragma once
#include <memory>

#include "features/scorecards/service.h"
#include "platform/http/app.h"

namespace fg::scorecards {
// /api/v1/scorecards/... : sets, assessments and their steps, rankings (api.cpp).
void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc);
// /cham-diem (sets, assessments, open one), /cham-diem/bo-tieu-chi/{id},
// /cham-diem/danh-gia/{id} (self-assessment and appraisal) and its /minh-chung upload,
// /cham-diem/minh-chung/{id} (an evidence file), /cham-diem/xep-hang (pages.cpp).
void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc);
// /cham-diem/bo-tieu-chi/{id} with its downloads and editor, /cham-diem/nhap-bo-tieu-chi (set_pages.cpp).
void RegisterSetPages(http::App& app, const std::shared_ptr<Service>& svc);
// /cham-diem/cong-nhan (the recognised units of a period), its decision annex
// /cham-diem/cong-nhan.pdf and the spreadsheet /cham-diem/cong-nhan.xlsx
// (recognition_pages.cpp).
void RegisterRecognitionPages(http::App& app, const std::shared_ptr<Service>& svc);
// /cham-diem/so-sanh: a unit over the periods and beside its peers (history_pages.cpp).
void RegisterHistoryPages(http::App& app, const std::shared_ptr<Service>& svc);
// /cham-diem/cam-ket and its POSTs: the commitments of a year (commitment_pages.cpp).
void RegisterCommitmentPages(http::App& app, const std::shared_ptr<Service>& svc);
}  // namespace fg::scorecards
