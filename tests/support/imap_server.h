// A throwaway IMAP server for tests: Debian's dovecot with a configuration in a
// temporary folder, listening on a free loopback port without TLS, mailboxes as
// Maildirs there, one password for all (a static passdb: a passwd file changed
// within the second it was read is not read again); stopped and removed at the end.
#pragma once
#include <string>

namespace fg::testing {

class ImapServer {
 public:
  ImapServer();  // ok() false with a reason when dovecot is not installed or did not start
  ~ImapServer();
  ImapServer(const ImapServer&) = delete;
  ImapServer& operator=(const ImapServer&) = delete;
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  // Every mailbox logs in with this password (any other is refused).
  static constexpr const char* kPassword = "mat-khau-hop-thu";
  // A mailbox `user` (before or after the start).
  void AddUser(const std::string& user);
  // Puts a message (RFC 5322 text) into the user's INBOX, as a delivery would.
  void Deliver(const std::string& user, const std::string& raw);
  std::string url() const { return "imap://127.0.0.1:" + std::to_string(port_) + "/INBOX"; }
  int port() const { return port_; }

 private:
  std::string maildir(const std::string& user) const;
  bool ok_ = false;
  std::string error_;
  std::string dir_;
  int port_ = 0;
  unsigned mail_uid_ = 0, mail_gid_ = 0;
  int delivered_ = 0;
};

}  // namespace fg::testing
