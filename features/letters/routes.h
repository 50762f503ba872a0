#pragma once
#include "features/letters/service.h"
#include "platform/http/app.h"

namespace fg::letters {
// /api/v1/letters..., /api/v1/letter-templates/{type}, /api/v1/letter-settings (api.cpp).
void RegisterApi(http::App& app, Service& svc);
// /thu (register, counts), /thu/{id} (a letter, its PDF and print view), /thu/moi,
// /thu/nhap-csv, /thu/in, /thu/mau (templates, /thu/mau/{type}/phien-ban: versions and restore),
// /thu/thong-ke.xlsx, /thu/khong-gui ("do not send"), /thu/cai-dat (signer), /thu/{id}/sua (pages.cpp).
void RegisterPages(http::App& app, Service& svc);
}  // namespace fg::letters
