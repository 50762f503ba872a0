// A VFS over SQLite's default one that hands each commit's WAL frames to the
// kernel in a few writes (pieces under 128 KB). SQLite writes a frame as two
// writes (its 24-byte header, then the page), so a commit of 38 pages cost 76
// `pwrite`s, each taking the file's lock, updating its times and looking up
// its page-cache pages again. Here a write transaction's appended frames are
// gathered, and written out when:
//   - the page of a commit frame (a frame header with a database size) is
//     gathered: its write answers the outcome, as SQLite's own would;
//   - the file is read, synced, truncated, sized, controlled or closed;
//   - a write does not follow the previous one, or `kMaxGathered` is reached;
//   - the database's shared memory is fenced (xShmBarrier), which SQLite does
//     before it shows readers a new end of the WAL: no reader can be shown a
//     frame not yet written (a fallback: commits are written before it).
// A write over what the transaction wrote before (a page written again in
// place, the checksums SQLite rewrites at such a commit) goes straight
// through. What a rolled-back transaction left gathered is dropped when the
// connection lets go of the WAL's write lock. Nothing is synced earlier or
// later than without it: the store's syncing thread still makes each commit
// durable before its callers resume.
#pragma once
#include <cstdint>

namespace fg::db {

// Registers the VFS as SQLite's default (once; later calls do nothing).
void InstallWalVfs();

struct WalVfsCounts {
  uint64_t gathered = 0;  // writes SQLite made to WAL files
  uint64_t written = 0;   // writes handed to the kernel for them
};
// Since the process started, over every connection.
WalVfsCounts WalVfsCounted();

}  // namespace fg::db
