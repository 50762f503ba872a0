// Shared by the ratings' pages and API: the request's sender (for rate limits,
// never stored) and the cookies.
#pragma once
#include <string>

#include "features/ratings/model.h"
#include "platform/http/app.h"

namespace fg::ratings {

inline constexpr const char* kDeviceCookie = "fg_rater";  // a random id per phone, for rate limits
inline constexpr const char* kKioskCookie = "fg_kiosk";   // a paired tablet's token

inline Sender SenderOf(const http::Context& ctx) { return {ctx.req.remote_addr, ctx.req.cookie(kDeviceCookie)}; }

}  // namespace fg::ratings
