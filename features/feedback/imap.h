// Reading a unit's feedback mailbox over IMAP (libcurl): the folder's
// UIDVALIDITY, the UIDs after the last one taken, and each message by UID.
// imaps:// is TLS from the start; imap:// must upgrade with STARTTLS, except
// to a loopback address (a local server, the tests' dovecot). Certificates are
// verified.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fg::feedback::imap {

struct Address {
  std::string scheme;  // imap | imaps
  std::string host;
  int port = 0;        // 0: the scheme's
  std::string folder;  // "INBOX" when the URL names none
};
// imap[s]://host[:port][/folder], the folder of ASCII letters, digits, space and . _ - /;
// nullopt otherwise (no user or password in the URL, no query).
std::optional<Address> ParseAddress(std::string_view url);
// A numeric loopback address (127.0.0.0/8, ::1) or "localhost".
bool IsLoopback(std::string_view host);
// The same scheme, host (any case) and port (0: the scheme's, 143 or 993).
bool SameServer(const Address& a, const Address& b);

// What the server said (pure, tested): "* OK [UIDVALIDITY n]" of EXAMINE, and
// the UIDs of "* SEARCH a b c" in ascending order.
std::optional<int64_t> UidValidityOf(std::string_view examine);
std::vector<int64_t> UidsOf(std::string_view search);

class Error : public std::runtime_error {
 public:
  enum class Kind { kLogin, kConnect, kTls, kOther };
  Error(Kind kind, const std::string& detail) : std::runtime_error(detail), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

struct Account {
  Address address;
  std::string username, password;
  std::chrono::seconds timeout{120};          // a whole transfer; connecting: at most 15 s
  const std::atomic<bool>* cancel = nullptr;  // set: the transfer under way stops (Error kOther)
};

// One connection, reused by the calls that follow (throws Error).
class Session {
 public:
  explicit Session(Account account);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  int64_t UidValidity();
  // The UIDs greater than `uid`, ascending.
  std::vector<int64_t> UidsAfter(int64_t uid);
  // The whole message; nullopt when it is larger than `max_bytes` (then Header may be read).
  std::optional<std::string> Fetch(int64_t uid, size_t max_bytes);
  std::string Header(int64_t uid);

 private:
  std::string Run(const std::string& url, const std::string& command, size_t max_bytes, bool* too_large);
  std::string Base() const;
  std::string FolderUrl() const;
  Account account_;
  void* curl_;
};

}  // namespace fg::feedback::imap
