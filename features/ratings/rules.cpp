#include "features/ratings/rules.h"

#include <algorithm>
#include <cctype>

#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/http/message.h"
#include "platform/text/text.h"

namespace fg::ratings {
namespace {

// A positive decimal without sign or leading zeros.
std::optional<int64_t> Positive(const std::string& s) {
  auto v = http::ParseInt64(s);
  if (!v || *v <= 0 || std::to_string(*v) != s) return std::nullopt;
  return v;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

}  // namespace

std::vector<std::string> LevelsOf(int scale) {
  if (scale == 5) return {kLevels[0], kLevels[1], kLevels[2], kLevels[3], kLevels[4]};
  if (scale == 4) return {kLevels[0], kLevels[1], kLevels[3], kLevels[4]};
  return {kLevels[0], kLevels[1], kLevels[4]};
}
bool IsScale(int scale) { return scale >= 3 && scale <= 5; }
int SettingValue(std::optional<int64_t> v) { return v && *v >= 0 && *v <= 100000 ? static_cast<int>(*v) : -1; }
bool IsSatisfied(const std::string& level) { return level == kLevels[0] || level == kLevels[1]; }
bool AsksReasons(const std::string& level) { return level == kLevels[3] || level == kLevels[4]; }
int LevelIndex(const std::string& level) {
  for (int i = 0; i < 5; ++i)
    if (level == kLevels[i]) return i;
  return -1;
}
int ReasonIndex(const std::string& reason) {
  for (int i = 0; i < 5; ++i)
    if (reason == kReasons[i]) return i;
  return -1;
}
bool IsSource(const std::string& s) {
  return std::any_of(std::begin(kSources), std::end(kSources), [&](const char* x) { return s == x; });
}

RatingInput Checked(const RatingInput& in, int scale) {
  RatingInput out = in;
  Problems p;
  p.check([&] {
    if (!IsSource(in.source)) throw BadInput("ratings.bad_source", "source");
  });
  p.check([&] {
    const auto levels = LevelsOf(scale);
    if (std::find(levels.begin(), levels.end(), in.level) == levels.end()) throw BadInput("ratings.bad_level", "level");
  });
  out.reasons.clear();
  p.check([&] {
    if (in.reasons.size() > 10) throw BadInput("ratings.bad_reason", "reasons");
    for (const auto& r : in.reasons)
      if (ReasonIndex(r) < 0) throw BadInput("ratings.bad_reason", "reasons");
    if (!AsksReasons(in.level)) return;
    for (const char* r : kReasons)
      if (std::find(in.reasons.begin(), in.reasons.end(), r) != in.reasons.end()) out.reasons.emplace_back(r);
  });
  out.comment = p.check([&] {
    try {
      return text::Clean("comment", in.comment, kMaxComment, false, true);
    } catch (const AppError&) {
      throw BadInput("ratings.bad_comment", "comment", {{"max", std::to_string(kMaxComment)}});
    }
  });
  p.check([&] {
    if (in.client_key.size() > kMaxClientKey) throw BadInput("ratings.bad_client_key", "client_key");
    for (char ch : in.client_key)
      if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_'))
        throw BadInput("ratings.bad_client_key", "client_key");
  });
  out.dossier_code = p.check([&] {
    try {
      return text::Clean("dossier_code", in.dossier_code, 40, false);
    } catch (const AppError&) {
      throw BadInput("ratings.unknown_dossier", "dossier_code");
    }
  });
  p.raise_if_any();
  return out;
}

std::string LinkToken(int64_t dossier_id, std::chrono::sys_seconds expires, const std::string& key) {
  const std::string body = std::to_string(dossier_id) + "." + std::to_string(expires.time_since_epoch().count());
  const std::string mac = auth::MacOf("link:" + body, key);
  return mac.empty() ? "" : body + "." + mac;
}

LinkCheck CheckLinkToken(const std::string& token, std::chrono::sys_seconds now, const std::string& key) {
  LinkCheck out;
  if (token.size() > 200) return out;
  const auto parts = Split(token, '.');
  if (parts.size() != 3) return out;
  const auto id = Positive(parts[0]);
  const auto exp = Positive(parts[1]);
  if (!id || !exp || !auth::MacMatches("link:" + parts[0] + "." + parts[1], parts[2], key)) return out;
  out.dossier_id = *id;
  out.result = now.time_since_epoch().count() >= *exp ? LinkCheck::kExpired : LinkCheck::kOk;
  return out;
}

std::string OfficialToken(int64_t official_id, const std::string& key) {
  const std::string body = std::to_string(official_id);
  const std::string mac = auth::MacOf("official:" + body, key);
  return mac.empty() ? "" : body + "." + mac;
}

std::optional<int64_t> OfficialOfToken(const std::string& token, const std::string& key) {
  if (token.size() > 200) return std::nullopt;
  const auto parts = Split(token, '.');
  if (parts.size() != 2) return std::nullopt;
  const auto id = Positive(parts[0]);
  if (!id || !auth::MacMatches("official:" + parts[0], parts[1], key)) return std::nullopt;
  return id;
}

std::string AnomalyOf(bool staff_address, int device_today, int official_recent) {
  if (staff_address) return "staff_address";
  if (device_today > kDeviceDaily) return "device";
  if (official_recent > kBurst) return "burst";
  return "";
}

}  // namespace fg::ratings
