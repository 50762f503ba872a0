#include "tests/support/pg_server.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace fg::testing {
namespace {

std::string FindBin() {
  for (const char* v : {"17", "16", "15", "14", "13"}) {
    std::string p = std::string("/usr/lib/postgresql/") + v + "/bin";
    if (std::filesystem::exists(p + "/initdb")) return p;
  }
  return {};
}

int Run(const std::string& cmd) { return std::system(cmd.c_str()); }

}  // namespace

PgServer::PgServer() {
  bin_ = FindBin();
  if (bin_.empty()) {
    error_ = "PostgreSQL server binaries not found (apt-get install postgresql)";
    return;
  }
  char tmpl[] = "/tmp/fg-pg-XXXXXX";
  if (!mkdtemp(tmpl)) {
    error_ = "mkdtemp failed";
    return;
  }
  dir_ = tmpl;
  port_ = 20000 + static_cast<int>(getpid() % 20000);
  std::string as = geteuid() == 0 ? "runuser -u postgres -- " : "";
  if (geteuid() == 0) Run("chown postgres " + dir_);
  std::string init =
      as + bin_ + "/initdb -D " + dir_ + "/data -A trust -U postgres -E UTF8 --no-locale >" + dir_ + "/initdb.log 2>&1";
  if (Run(init) != 0) {
    error_ = "initdb failed; see " + dir_ + "/initdb.log";
    return;
  }
  std::string start = as + bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -o \"-k " + dir_ +
                      " -p " + std::to_string(port_) + " -c listen_addresses='' -c fsync=off\" start >/dev/null 2>&1";
  if (Run(start) != 0) {
    error_ = "pg_ctl start failed; see " + dir_ + "/server.log";
    return;
  }
  ok_ = true;
}

PgServer::~PgServer() {
  if (dir_.empty()) return;
  std::string as = geteuid() == 0 ? "runuser -u postgres -- " : "";
  if (ok_) Run(as + bin_ + "/pg_ctl -D " + dir_ + "/data -m fast -w stop >/dev/null 2>&1");
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string PgServer::url(const std::string& name) {
  std::string as = geteuid() == 0 ? "runuser -u postgres -- " : "";
  Run(as + bin_ + "/createdb -h " + dir_ + " -p " + std::to_string(port_) + " -U postgres " + name +
      " >/dev/null 2>&1");
  return "postgresql://postgres@/" + name + "?host=" + dir_ + "&port=" + std::to_string(port_);
}

PgServer& SharedPg() {
  static PgServer server;
  return server;
}

}  // namespace fg::testing
