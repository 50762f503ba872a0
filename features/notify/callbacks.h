// Delivery callbacks: a gateway reports "delivered" or "failed" for a message
// it accepted by calling POST /api/v1/notify/callbacks/{channel}?token=T,
// where T = "<message id>.<crypto_auth(message id) with the 'callback' key,
// base64url>" (libsodium HMAC-SHA-512-256).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/db.h"

namespace fg::notify {

// The token for message `id` with `key` (raw bytes, crypto_auth_KEYBYTES).
std::string CallbackToken(int64_t id, const std::string& key);
// The message id of a token made with `key`; nullopt if malformed or forged.
std::optional<int64_t> CallbackTokenId(const std::string& token, const std::string& key);

// The 'callback' key, created (random) on first use; inside db.write.
std::string EnsureCallbackKey(db::Conn& c);
// The key if it exists ("" otherwise); inside db.read or db.write.
std::string CallbackKey(db::Conn& c);

}  // namespace fg::notify
