#include "features/notify/callbacks.h"

#include <sodium.h>

#include "platform/http/message.h"

namespace fg::notify {
namespace {

const db::Query kKey{"notify_key", "SELECT value FROM notify_keys WHERE name = 'callback'"};
const db::Query kPutKey{"notify_key_put",
                        "INSERT INTO notify_keys (name, value) VALUES ('callback', ?) ON CONFLICT (name) DO NOTHING"};

std::string Mac(int64_t id, const std::string& key) {
  if (key.size() != crypto_auth_KEYBYTES) return "";
  const std::string msg = std::to_string(id);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
              reinterpret_cast<const unsigned char*>(key.data()));
  return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

std::string Base64(const std::string& bin) {
  std::string out(sodium_base64_encoded_len(bin.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string Hex(const std::string& bin) {
  std::string out(bin.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size());
  out.pop_back();
  return out;
}

std::string Unhex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != crypto_auth_KEYBYTES)
    return "";
  out.resize(len);
  return out;
}

}  // namespace

std::string CallbackToken(int64_t id, const std::string& key) {
  const std::string mac = Mac(id, key);
  return mac.empty() ? "" : std::to_string(id) + "." + Base64(mac);
}

std::optional<int64_t> CallbackTokenId(const std::string& token, const std::string& key) {
  const size_t dot = token.find('.');
  if (dot == std::string::npos || token.size() > 200) return std::nullopt;
  const auto id = http::ParseInt64(token.substr(0, dot));
  if (!id || *id <= 0 || std::to_string(*id) != token.substr(0, dot)) return std::nullopt;
  const std::string given = token.substr(dot + 1);
  if (key.size() != crypto_auth_KEYBYTES) return std::nullopt;
  unsigned char mac[crypto_auth_BYTES];
  size_t len = 0;
  if (sodium_base642bin(mac, sizeof mac, given.data(), given.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      len != sizeof mac)
    return std::nullopt;
  const std::string msg = std::to_string(*id);
  if (crypto_auth_verify(mac, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                         reinterpret_cast<const unsigned char*>(key.data())) != 0)
    return std::nullopt;
  return id;
}

std::string CallbackKey(db::Conn& c) {
  auto r = c.query_one(kKey);
  return r ? Unhex(r->text(0)) : "";
}

std::string EnsureCallbackKey(db::Conn& c) {
  if (auto k = CallbackKey(c); !k.empty()) return k;
  if (sodium_init() < 0) return "";
  std::string key(crypto_auth_KEYBYTES, '\0');
  crypto_auth_keygen(reinterpret_cast<unsigned char*>(key.data()));
  c.exec(kPutKey, {Hex(key)});
  return CallbackKey(c);  // another process may have won
}

}  // namespace fg::notify
