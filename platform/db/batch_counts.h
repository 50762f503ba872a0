// Counter rows (per unit, day, level, ...) that many writes add to, written
// once per row and group commit instead of once per write.
//
// A counter row is kept by an upsert (its text a string literal, as every
// Query's: it is kept until the commit) whose last parameters are the amounts
// added, one per counter column:
//   INSERT INTO t (k1, k2, n, m) VALUES (?, ?, ?, ?)
//     ON CONFLICT (k1, k2) DO UPDATE SET n = t.n + excluded.n, m = t.m + excluded.m
// counts::Add(c, upsert, {k1, k2}, {n, m}) runs it at once, except on
// SQLite's writer inside a group commit: there the amounts of the batch's
// writes are summed per row in memory and each row is written once, before
// the batch commits (a desk tablet's morning of ratings adds to the same few
// rows). The sums follow the writes' savepoints: a write rolled back takes its
// amounts back. So within a batch no write may read a counter row another
// write of the batch added to; read transactions see every committed amount.
// All of it runs on the writer thread; the state is per thread.
#pragma once
#include <cstdint>
#include <vector>

#include "platform/db/db.h"

namespace fg::db::counts {

void Add(Conn& c, const Query& upsert, std::vector<Value> key, const std::vector<int64_t>& amounts);

// The group commit's steps on SQLite (platform/db/sqlite_db.cpp).
void WriteBegins();   // before a write: its amounts are journalled from here
void WriteUndone();   // the write was rolled back to its savepoint: its amounts go
void Flush(Conn& c);  // before the commit: each row written once; later Adds run at once
void Forget();        // after a commit, or after a batch failed

}  // namespace fg::db::counts
