// Writes the backend aborted for a reason a retry can cure: PostgreSQL's
// SQLSTATE class 40 (deadlock detected, serialization failure). Two group
// commits on different writer connections can take the same row locks in
// opposite orders (a daily serial of unit A then B, and B then A); PostgreSQL
// then aborts one statement. The write's savepoint is rolled back, so running
// the write again is safe.
#pragma once
#include <stdexcept>

#include "platform/db/db.h"

namespace fg::db {

class RetryableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// db.write(fn), run again (at most `attempts` times in all) while it fails with RetryableError.
template <class F>
auto WriteRetrying(Db& db, F&& fn, int attempts = 3) {
  for (int i = 1;; ++i) {
    try {
      return db.write(fn);
    } catch (const RetryableError&) {
      if (i >= attempts) throw;
    }
  }
}

}  // namespace fg::db
