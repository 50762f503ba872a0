// Notification rules: pure functions, no I/O.
#pragma once
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "features/notify/model.h"
#include "platform/time.h"

namespace fg::notify {

// Retry policy: after the n-th failed round (n >= 1) wait base * 2^(n-1),
// capped, plus a jitter in [0, that/2) drawn from `unit_random` in [0, 1).
inline constexpr std::chrono::seconds kBackoffBase{30};
inline constexpr std::chrono::seconds kBackoffCap{6 * 3600};
inline constexpr int64_t kMaxAttempts = 8;  // then "failed" with the last error
std::chrono::seconds Backoff(int64_t round, double unit_random);

// Quiet hours for SMS: 21:00-07:00 local time. The instant the message may
// be sent: `now` outside quiet hours (or when the unit allows night SMS),
// else the next 07:00.
inline constexpr int kQuietStart = 21 * 3600, kQuietEnd = 7 * 3600;
SysSeconds NotBefore(SysSeconds now, bool night_allowed);

// The placeholders a template of `event` may use.
std::vector<std::string> Placeholders(std::string_view event);
bool IsEvent(std::string_view event);
bool IsChannel(std::string_view channel);
// The settings a channel accepts (channels.h), in the order pages show them.
std::vector<std::string> ChannelKeys(std::string_view channel);
// The unknown placeholders of `text` ({name}) for `event`, in order of appearance.
std::vector<std::string> UnknownPlaceholders(std::string_view event, std::string_view text);

// The channels to try, in order: the citizen's choice first (if the unit has
// it), then the unit's others by position. Channels the recipient has no
// address for (sms: phone, zalo: phone or the Zalo user id of one who wrote to
// the unit's OA, email: e-mail, facebook: the id of one who wrote to the unit's
// page) are left out.
std::vector<Channel> Route(const std::vector<Channel>& unit_channels, const std::string& choice,
                           const std::string& phone, const std::string& email, const std::string& zalo_user_id = "",
                           const std::string& facebook_user_id = "");

// Vietnamese without diacritics, case kept ("Đã tiếp nhận" -> "Da tiep nhan").
std::string StripDiacritics(std::string_view s);
// SMS segments of `text`: GSM-7 (plain ASCII here) 160 single / 153 per part,
// otherwise UCS-2 70 / 67.
int64_t SmsSegments(std::string_view text);

// A phone number as an international MSISDN for gateways: digits only, a
// leading 0 becomes 84 ("0912 345 678" -> "84912345678").
std::string Msisdn(std::string_view phone);

// The message's idempotency key: one per dossier change and event.
std::string IdemKey(int64_t dossier_id, int64_t dossier_version, std::string_view event);

}  // namespace fg::notify
