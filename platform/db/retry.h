// Writes the backend aborted for a reason a retry can cure: PostgreSQL's
// SQLSTATE class 40 (deadlock detected, serialization failure). Two group
// commits on different writer connections can take the same row locks in
// opposite orders (a daily serial of unit A then B, and B then A; a login
// throttle row then its official); PostgreSQL then aborts one statement. The
// write's savepoint is rolled back, so the group commit runs the write again
// in a later batch (platform/db/group_commit.cpp); callers never retry.
#pragma once
#include <stdexcept>

namespace fg::db {

class RetryableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace fg::db
