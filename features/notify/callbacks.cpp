#include "features/notify/callbacks.h"

#include "platform/auth/crypto.h"
#include "platform/http/message.h"

namespace fg::notify {
namespace {

const db::Query kKey{"notify_key", "SELECT value FROM notify_keys WHERE name = 'callback'"};
const db::Query kPutKey{"notify_key_put",
                        "INSERT INTO notify_keys (name, value) VALUES ('callback', ?) ON CONFLICT (name) DO NOTHING"};

}  // namespace

std::string CallbackToken(int64_t id, const std::string& key) {
  const std::string mac = auth::MacOf(std::to_string(id), key);
  return mac.empty() ? "" : std::to_string(id) + "." + mac;
}

std::optional<int64_t> CallbackTokenId(const std::string& token, const std::string& key) {
  const size_t dot = token.find('.');
  if (dot == std::string::npos || token.size() > 200) return std::nullopt;
  const auto id = http::ParseInt64(token.substr(0, dot));
  if (!id || *id <= 0 || std::to_string(*id) != token.substr(0, dot)) return std::nullopt;
  if (!auth::MacMatches(std::to_string(*id), token.substr(dot + 1), key)) return std::nullopt;
  return id;
}

std::string CallbackKey(db::Conn& c) {
  auto r = c.query_one(kKey);
  return r ? auth::KeyFromHex(r->text(0)) : "";
}

std::string EnsureCallbackKey(db::Conn& c) {
  if (auto k = CallbackKey(c); !k.empty()) return k;
  c.exec(kPutKey, {auth::KeyToHex(auth::NewMacKey())});
  return CallbackKey(c);  // another process may have won
}

}  // namespace fg::notify
