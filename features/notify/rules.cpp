#include "features/notify/rules.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace fg::notify {

std::chrono::seconds Backoff(int64_t round, double unit_random) {
  const int64_t n = std::clamp<int64_t>(round, 1, 30);
  int64_t wait = kBackoffBase.count();
  for (int64_t i = 1; i < n && wait < kBackoffCap.count(); ++i) wait *= 2;
  wait = std::min(wait, kBackoffCap.count());
  const double r = std::clamp(unit_random, 0.0, 0.999999);
  return std::chrono::seconds{wait + static_cast<int64_t>(std::floor(r * static_cast<double>(wait) / 2))};
}

SysSeconds NotBefore(SysSeconds now, bool night_allowed) {
  if (night_allowed) return now;
  const LocalTime t = ToLocal(now);
  if (t.seconds >= kQuietEnd && t.seconds < kQuietStart) return now;
  const auto day = t.seconds >= kQuietStart ? t.date + std::chrono::days{1} : t.date;
  return FromLocal(day, kQuietEnd);
}

std::vector<std::string> Placeholders(std::string_view event) {
  std::vector<std::string> out = {"code", "procedure", "unit", "link"};
  if (event == "received") out.emplace_back("due_date");
  if (event == "supplement" || event == "refused") out.emplace_back("reason");
  if (event == "apology") out.insert(out.end(), {"due_date", "reason"});
  if (event == "result_ready") out.insert(out.end(), {"pickup", "rating_link"});
  return out;
}

bool IsEvent(std::string_view event) {
  return std::any_of(std::begin(kEvents), std::end(kEvents), [&](const char* e) { return event == e; });
}
bool IsChannel(std::string_view channel) {
  return std::any_of(std::begin(kChannels), std::end(kChannels), [&](const char* e) { return channel == e; });
}

std::vector<std::string> UnknownPlaceholders(std::string_view event, std::string_view text) {
  const auto valid = Placeholders(event);
  std::vector<std::string> out;
  for (size_t open; (open = text.find('{')) != std::string_view::npos;) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
      out.emplace_back(text.substr(open));  // an unclosed brace is an unknown placeholder too
      break;
    }
    std::string name(text.substr(open + 1, close - open - 1));
    if (std::find(valid.begin(), valid.end(), name) == valid.end() &&
        std::find(out.begin(), out.end(), name) == out.end())
      out.push_back(name);
    text.remove_prefix(close + 1);
  }
  return out;
}

std::vector<Channel> Route(const std::vector<Channel>& unit_channels, const std::string& choice,
                           const std::string& phone, const std::string& email, const std::string& zalo_user_id,
                           const std::string& facebook_user_id) {
  std::vector<Channel> sorted = unit_channels;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Channel& a, const Channel& b) {
    const bool ca = a.name == choice, cb = b.name == choice;
    if (ca != cb) return ca;
    return a.position < b.position;
  });
  std::vector<Channel> out;
  for (auto& c : sorted) {
    if (c.name == "sms" && phone.empty()) continue;
    if (c.name == "zalo" && phone.empty() && zalo_user_id.empty()) continue;
    if (c.name == "email" && email.empty()) continue;
    if (c.name == "facebook" && facebook_user_id.empty()) continue;
    out.push_back(std::move(c));
  }
  return out;
}

std::string StripDiacritics(std::string_view s) {
  std::string out;
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &raw,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> mapped(raw, &std::free);
  if (n < 0) return {};
  const auto* p = mapped.get();
  for (utf8proc_ssize_t left = n; left > 0;) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) break;
    if (cp == 0x111)
      cp = 'd';  // đ has no decomposition
    else if (cp == 0x110)
      cp = 'D';  // Đ
    utf8proc_uint8_t buf[4];
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(utf8proc_encode_char(cp, buf)));
    p += len;
    left -= len;
  }
  return out;
}

int64_t SmsSegments(std::string_view text) {
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  int64_t units = 0;
  if (ascii) {
    units = static_cast<int64_t>(text.size());
    if (units <= 160) return units == 0 ? 0 : 1;
    return (units + 152) / 153;
  }
  // UCS-2: count UTF-16 code units.
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size()); left > 0;) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) break;
    units += cp > 0xFFFF ? 2 : 1;
    p += len;
    left -= len;
  }
  if (units <= 70) return 1;
  return (units + 66) / 67;
}

std::string Msisdn(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits += c;
  if (!digits.empty() && digits[0] == '0') digits = "84" + digits.substr(1);
  return digits;
}

std::string IdemKey(int64_t dossier_id, int64_t dossier_version, std::string_view event) {
  return "fg-d" + std::to_string(dossier_id) + "-v" + std::to_string(dossier_version) + "-" + std::string(event);
}

}  // namespace fg::notify

namespace fg::notify {
std::vector<std::string> ChannelKeys(std::string_view channel) {
  if (channel == "email") return {"url", "from", "username", "password", "starttls", "timeout_ms"};
  if (channel == "sms")
    return {"url",           "method",          "headers",         "auth_header",
            "body",          "body_encoding",   "success_status",  "success_json_path",
            "success_value", "success_pattern", "message_id_path", "ascii",
            "night",         "timeout_ms"};
  if (channel == "zalo") {
    std::vector<std::string> keys = {"url", "cs_url", "access_token"};
    for (const char* e : kEvents) keys.push_back(std::string("template_") + e);
    keys.emplace_back("timeout_ms");
    return keys;
  }
  if (channel == "facebook") return {"url", "access_token", "timeout_ms"};
  return {};
}
}  // namespace fg::notify
