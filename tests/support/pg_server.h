// A throwaway PostgreSQL server for tests: initdb into a temporary folder (as
// the `postgres` user when run as root, since initdb refuses root), listening
// on a Unix socket in that folder only, stopped and removed at the end.
#pragma once
#include <string>

namespace fg::testing {

class PgServer {
 public:
  // Returns nullptr-like state (ok()==false) with a reason when PostgreSQL is not installed.
  PgServer();
  ~PgServer();
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  // A libpq URL for a fresh database named `name` (created on first use).
  std::string url(const std::string& name);

 private:
  bool ok_ = false;
  std::string error_;
  std::string dir_;
  std::string bin_;
  int port_ = 0;
};

// One server for the whole test binary.
PgServer& SharedPg();

}  // namespace fg::testing
