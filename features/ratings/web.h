// Shared by the ratings' pages and API: the request's sender (for rate limits,
// never stored) and the cookies.
#pragma once
#include <string>

#include "features/ratings/model.h"
#include "platform/auth/crypto.h"
#include "platform/http/app.h"

namespace fg::ratings {

inline constexpr const char* kDeviceCookie = "fg_rater";  // a random id per phone, for rate limits
inline constexpr const char* kKioskCookie = "fg_kiosk";   // a paired tablet's token

inline Sender SenderOf(const http::Context& ctx) { return {ctx.req.remote_addr, ctx.req.cookie(kDeviceCookie)}; }

// The phone's random device id (cookie kDeviceCookie, a year), set now if it has none; its value. The
// survey pages use the same cookie for their once-per-device rule.
inline std::string EnsureDeviceCookie(http::Context& ctx) {
  std::string v = ctx.req.cookie(kDeviceCookie);
  if (v.size() >= 20) return v;
  v = auth::RandomToken(16);
  ctx.set_cookies.push_back(http::SetCookieValue(kDeviceCookie, v, {true, 365 * 24 * 3600}));
  return v;
}

}  // namespace fg::ratings
