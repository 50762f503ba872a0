#include "platform/auth/crypto.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "platform/async/pool.h"

namespace fg::auth {
namespace {

// An OpenSSL object freed by its own function (the digest and MAC contexts,
// kept one per thread).
template <typename T, void (*Free)(T*)>
struct OsslFree {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using OsslPtr = std::unique_ptr<T, OsslFree<T, Free>>;

// argon2id takes ~64 MiB and tens of milliseconds per hash: at most one per
// two cores runs at once (at most two: bounding memory), off the io threads and
// at a lower scheduling priority, so requests keep a core; 32 more may wait,
// past that a login answers 503.
constexpr size_t kQueuedHashes = 32;

async::BlockingPool& HashPool() {
  static async::BlockingPool pool(static_cast<int>(std::clamp(std::thread::hardware_concurrency() / 2, 1u, 2u)),
                                  kQueuedHashes, /*nice=*/10);
  return pool;
}

// The argon2id cost of new hashes. Production uses libsodium's "interactive"
// limits; FG_TEST_FAST_PASSWORD_HASH=1 (set by ctest only) uses the minimum
// limits, so that test suites which log in hundreds of times spend their time on
// what they test. Verifying reads the limits from the stored hash either way.
struct HashCost {
  unsigned long long ops;
  size_t mem;
};

HashCost CostOfNewHashes() {
  static const HashCost cost = [] {
    const char* fast = std::getenv("FG_TEST_FAST_PASSWORD_HASH");
    if (fast && std::string_view(fast) == "1") return HashCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    return HashCost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
  }();
  return cost;
}

}  // namespace

bool FastPasswordHashForTests() { return CostOfNewHashes().ops != crypto_pwhash_OPSLIMIT_INTERACTIVE; }

void InitCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string HashPassword(std::string_view password) {
  return HashPool().run([&] {
    char out[crypto_pwhash_STRBYTES];
    const HashCost cost = CostOfNewHashes();
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
      throw std::runtime_error("out of memory while hashing a password");
    return std::string(out);
  });
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  std::string h(hash);
  return HashPool().run([&] { return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0; });
}

// The random bytes come in one call for the whole password (each call is a
// getrandom system call: a feedback item's lookup key took eight). A byte
// picks a character when it is below the largest multiple of the alphabet's
// size, so every character is equally likely; the others are drawn again.
std::string RandomPassword(size_t groups) {
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  constexpr unsigned kUnbiased = 256 / kAlphabet.size() * kAlphabet.size();
  std::string chars;
  unsigned char bytes[64];
  while (chars.size() < groups * 4) {
    const size_t want = std::min(sizeof bytes, (groups * 4 - chars.size()) * 2);
    randombytes_buf(bytes, want);
    for (size_t i = 0; i < want && chars.size() < groups * 4; ++i)
      if (bytes[i] < kUnbiased) chars += kAlphabet[bytes[i] % kAlphabet.size()];
  }
  std::string out;
  for (size_t g = 0; g < groups; ++g) {
    if (g) out += '-';
    out.append(chars, g * 4, 4);
  }
  return out;
}

std::string RandomToken(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_encoded_len(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA extensions
// where it has them (libsodium's is portable C). Each event appended is
// hashed on the writer thread (events::ChainHash).
std::string Sha256Hex(std::string_view data) {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);  // fetched once: a fetch takes a lock
  thread_local const OsslPtr<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());
  unsigned char h[crypto_hash_sha256_BYTES];
  unsigned int n = 0;
  if (!md || !ctx || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 || EVP_DigestFinal_ex(ctx.get(), h, &n) != 1 ||
      n != sizeof h)
    throw std::runtime_error("SHA-256 failed (OpenSSL)");
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

// HMAC-SHA-256 through OpenSSL too (a webhook's signature is checked over
// its whole body on an io thread). The digest is set once per thread's
// context; each call sets the key again.
std::string HmacSha256Hex(std::string_view msg, std::string_view key) {
  static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  thread_local const OsslPtr<EVP_MAC_CTX, EVP_MAC_CTX_free> ctx = [] {
    OsslPtr<EVP_MAC_CTX, EVP_MAC_CTX_free> c(hmac ? EVP_MAC_CTX_new(hmac) : nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    if (c && EVP_MAC_CTX_set_params(c.get(), params) != 1) c.reset();
    return c;
  }();
  // A null key would mean "the previous key" to EVP_MAC_init: an empty one
  // is passed as an empty array.
  static const unsigned char kNoKey[1] = {0};
  const auto* k = key.empty() ? kNoKey : reinterpret_cast<const unsigned char*>(key.data());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  size_t n = 0;
  if (!ctx || EVP_MAC_init(ctx.get(), k, key.size(), nullptr) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(msg.data()), msg.size()) != 1 ||
      EVP_MAC_final(ctx.get(), mac, &n, sizeof mac) != 1 || n != sizeof mac)
    throw std::runtime_error("HMAC-SHA-256 failed (OpenSSL)");
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

bool SafeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string NewMacKey() {
  InitCrypto();
  std::string key(crypto_auth_KEYBYTES, '\0');
  crypto_auth_keygen(reinterpret_cast<unsigned char*>(key.data()));
  return key;
}

std::string KeyToHex(std::string_view key) {
  std::string out(key.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
  out.pop_back();  // the terminating NUL
  return out;
}

std::string KeyFromHex(std::string_view hex) {
  std::string out(crypto_auth_KEYBYTES, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != crypto_auth_KEYBYTES)
    return "";
  return out;
}

std::string MacOf(std::string_view msg, std::string_view key) {
  if (key.size() != crypto_auth_KEYBYTES) return "";
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
              reinterpret_cast<const unsigned char*>(key.data()));
  std::string out(sodium_base64_encoded_len(sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.pop_back();  // the terminating NUL
  return out;
}

bool MacMatches(std::string_view msg, std::string_view given, std::string_view key) {
  if (key.size() != crypto_auth_KEYBYTES || given.size() > 100) return false;
  unsigned char mac[crypto_auth_BYTES];
  size_t len = 0;
  if (sodium_base642bin(mac, sizeof mac, given.data(), given.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      len != sizeof mac)
    return false;
  return crypto_auth_verify(mac, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                            reinterpret_cast<const unsigned char*>(key.data())) == 0;
}

}  // namespace fg::auth
