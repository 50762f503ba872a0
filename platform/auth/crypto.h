// Passwords (argon2id), random tokens and hashes, all through libsodium.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace fg::auth {

// Call once before any other function here (idempotent, thread-safe).
void InitCrypto();

// argon2id with libsodium's "interactive" limits (the minimum limits when the
// environment sets FG_TEST_FAST_PASSWORD_HASH=1, as ctest does); the result
// embeds salt and parameters.
std::string HashPassword(std::string_view password);
// Whether FG_TEST_FAST_PASSWORD_HASH=1 is in effect (the server warns at start).
bool FastPasswordHashForTests();
bool VerifyPassword(std::string_view hash, std::string_view password);

// `bytes` random bytes as URL-safe base64 without padding.
std::string RandomToken(size_t bytes = 32);
// A password to read out or copy: `groups` groups of 4 characters from an
// alphabet without look-alikes (no 0/o, 1/l/i), joined by '-' (about 20 bits a group).
std::string RandomPassword(size_t groups = 4);
std::string Sha256Hex(std::string_view data);
// HMAC-SHA-256 of `msg` under `key` (any length), lower-case hex: webhook signatures.
std::string HmacSha256Hex(std::string_view msg, std::string_view key);
// Standard base64 with padding (RFC 4648 section 4), and back: nullopt for text that is not base64.
std::string Base64(std::string_view bytes);
std::optional<std::string> FromBase64(std::string_view text);
// Constant-time comparison of two strings.
bool SafeEqual(std::string_view a, std::string_view b);

// Signed links and tokens: libsodium crypto_auth (HMAC-SHA-512-256).
// A key is raw bytes; stored as hex. KeyFromHex gives "" for anything that is
// not a key's hex; MacOf gives "" for a key of the wrong size.
std::string NewMacKey();
std::string KeyToHex(std::string_view key);
std::string KeyFromHex(std::string_view hex);
// The MAC of `msg` as URL-safe base64 without padding.
std::string MacOf(std::string_view msg, std::string_view key);
// Whether `mac` (as MacOf writes it) signs `msg`; constant time.
bool MacMatches(std::string_view msg, std::string_view mac, std::string_view key);

}  // namespace fg::auth
