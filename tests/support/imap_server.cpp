#include "tests/support/imap_server.h"

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fg::testing {
namespace {

namespace fs = std::filesystem;

int FreePort() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = 0;
  if (bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  close(s);
  return port;
}

bool Accepts(int port) {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(s);
  return ok;
}

void Own(const fs::path& p, unsigned uid, unsigned gid) {
  if (geteuid() == 0 && chown(p.c_str(), uid, gid) != 0) throw std::runtime_error("chown " + p.string());
}

}  // namespace

ImapServer::ImapServer() {
  if (!fs::exists("/usr/sbin/dovecot")) {
    error_ = "dovecot not found (apt-get install dovecot-imapd)";
    return;
  }
  char tmpl[] = "/tmp/fg-imap-XXXXXX";
  if (!mkdtemp(tmpl)) {
    error_ = "mkdtemp failed";
    return;
  }
  dir_ = tmpl;
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                            fs::perms::others_exec);
  // As root the mail processes run as Debian's "dovecot" user; otherwise everything runs as us.
  std::string run_as;
  if (geteuid() == 0) {
    const passwd* pw = getpwnam("dovecot");
    if (!pw) {
      error_ = "no dovecot user";
      return;
    }
    mail_uid_ = pw->pw_uid;
    mail_gid_ = pw->pw_gid;
  } else {
    mail_uid_ = getuid();
    mail_gid_ = getgid();
    const std::string me = getpwuid(getuid())->pw_name;
    run_as = "default_internal_user = " + me + "\ndefault_login_user = " + me +
             "\ndefault_internal_group = " + getgrgid(getgid())->gr_name + "\n";
  }
  port_ = FreePort();
  for (const char* d : {"run", "state", "mail"}) fs::create_directories(dir_ + "/" + d);
  Own(dir_ + "/mail", mail_uid_, mail_gid_);
  std::ofstream conf(dir_ + "/dovecot.conf");
  conf << run_as << "base_dir = " << dir_ << "/run\nstate_dir = " << dir_ << "/state\nlog_path = " << dir_
       << "/dovecot.log\nprotocols = imap\nlisten = 127.0.0.1\nssl = no\ndisable_plaintext_auth = no\n"
       << "auth_mechanisms = plain login\nfirst_valid_uid = 1\nauth_failure_delay = 0\n"
       << "login_trusted_networks = 127.0.0.0/8\n"
       << "passdb {\n  driver = static\n  args = password=" << kPassword << "\n}\n"
       << "userdb {\n  driver = static\n  args = uid=" << mail_uid_ << " gid=" << mail_gid_ << " home=" << dir_
       << "/mail/%u\n}\nmail_location = maildir:~/Maildir\n"
       << "service imap-login {\n  chroot =\n  inet_listener imap {\n    port = " << port_
       << "\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}\nservice anvil {\n  chroot =\n}\n";
  conf.close();
  if (std::system(("/usr/sbin/dovecot -c " + dir_ + "/dovecot.conf >" + dir_ + "/start.log 2>&1").c_str()) != 0) {
    error_ = "dovecot did not start; see " + dir_ + "/start.log and dovecot.log";
    return;
  }
  for (int i = 0; i < 100 && !Accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (!Accepts(port_)) {
    error_ = "dovecot does not listen on port " + std::to_string(port_) + "; see " + dir_ + "/dovecot.log";
    return;
  }
  ok_ = true;
}

ImapServer::~ImapServer() {
  if (dir_.empty()) return;
  std::ifstream pid_file(dir_ + "/run/master.pid");
  pid_t pid = 0;
  if (pid_file >> pid && pid > 0) {
    kill(pid, SIGTERM);
    for (int i = 0; i < 100 && kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string ImapServer::maildir(const std::string& user) const { return dir_ + "/mail/" + user + "/Maildir"; }

void ImapServer::AddUser(const std::string& user) {
  fs::path home = dir_ + "/mail/" + user;
  for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(maildir(user) + "/" + sub);
  for (const fs::path& p : {home, home / "Maildir", home / "Maildir/new", home / "Maildir/cur", home / "Maildir/tmp"})
    Own(p, mail_uid_, mail_gid_);
}

void ImapServer::Deliver(const std::string& user, const std::string& raw) {
  // Written in tmp/, then renamed into new/: dovecot never sees half a message.
  const std::string name =
      std::to_string(std::time(nullptr)) + "." + std::to_string(getpid()) + "_" + std::to_string(++delivered_) + ".fg";
  const fs::path tmp = maildir(user) + "/tmp/" + name;
  std::ofstream(tmp, std::ios::binary) << raw;
  Own(tmp, mail_uid_, mail_gid_);
  fs::rename(tmp, maildir(user) + "/new/" + name);
}

}  // namespace fg::testing
