#include "platform/db/wal_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>
#include <string>

namespace fg::db {
namespace {

// Gathered bytes past which they are written without waiting for the commit
// (a large transaction: a migration, an import).
constexpr size_t kMaxGathered = size_t{1} << 20;
constexpr int kFrameHeaderSize = 24;  // SQLite's WAL_FRAME_HDRSIZE
constexpr sqlite3_int64 kMaxWrite = 0x1ffff;  // the most unixWrite writes in one call

std::atomic<uint64_t> g_gathered{0};
std::atomic<uint64_t> g_written{0};

sqlite3_vfs* g_base = nullptr;  // the default VFS, under ours
sqlite3_vfs g_vfs;

// A file of ours: SQLite allocates szOsFile bytes for it, the base VFS's file
// after this struct.
struct File {
  sqlite3_file base;  // first: SQLite sees a File as a sqlite3_file
  sqlite3_file* real = nullptr;
  bool is_wal = false;
  File* wal = nullptr;  // a database file: its connection's WAL, while open
  File* db = nullptr;   // a WAL: its database file
  // The WAL's appended writes not yet handed to the kernel, from offset `at`;
  // `end`: where the open write transaction's writes have reached (-1: none yet).
  std::string gathered;
  sqlite3_int64 at = 0;
  sqlite3_int64 end = -1;
  bool commit_page_next = false;  // the last write was a commit frame's header
};

constexpr size_t kRealOffset = (sizeof(File) + 7) & ~size_t{7};

File* Of(sqlite3_file* p) { return reinterpret_cast<File*>(p); }
const sqlite3_io_methods& Real(File* f) { return *f->real->pMethods; }

// Hands the gathered writes to the base VFS, which writes at most 128 KB - 1
// in one call (its unixWrite): in pieces ending on a 4 KB boundary of the file.
int Flush(File* f) {
  f->commit_page_next = false;
  int rc = SQLITE_OK;
  for (size_t done = 0; done < f->gathered.size() && rc == SQLITE_OK;) {
    const sqlite3_int64 from = f->at + static_cast<sqlite3_int64>(done);
    const size_t n = std::min(f->gathered.size() - done, static_cast<size_t>(((from + kMaxWrite) & ~4095) - from));
    g_written.fetch_add(1, std::memory_order_relaxed);
    rc = Real(f).xWrite(f->real, f->gathered.data() + done, static_cast<int>(n), from);
    done += n;
  }
  f->gathered.clear();  // keeps its capacity for the next commit
  return rc;
}

// A frame header holds the database's size in pages after a commit (bytes 4-7,
// big-endian) in a commit's last frame, and 0 in every other.
bool IsCommitHeader(const void* buf, int n) {
  if (n != kFrameHeaderSize) return false;
  const auto* b = static_cast<const unsigned char*>(buf);
  return (b[4] | b[5] | b[6] | b[7]) != 0;
}

int Close(sqlite3_file* p) {
  File* f = Of(p);
  int rc = f->is_wal ? Flush(f) : SQLITE_OK;
  const int closed = Real(f).xClose(f->real);
  if (rc == SQLITE_OK) rc = closed;
  if (f->db && f->db->wal == f) f->db->wal = nullptr;
  if (f->wal && f->wal->db == f) f->wal->db = nullptr;
  f->~File();
  return rc;
}

// A write that appends to the transaction's frames is gathered. One over what
// the transaction wrote before (a page written again in place, the checksums
// SQLite then rewrites, the commit header last) goes straight through, after
// what was gathered, and answers its own outcome.
int Write(sqlite3_file* p, const void* buf, int n, sqlite3_int64 off) {
  File* f = Of(p);
  if (!f->is_wal) return Real(f).xWrite(f->real, buf, n, off);
  g_gathered.fetch_add(1, std::memory_order_relaxed);
  const bool commit_page = f->commit_page_next && n != kFrameHeaderSize;
  const bool appends = !f->gathered.empty() && off == f->at + static_cast<sqlite3_int64>(f->gathered.size());
  if (!appends) {
    if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
    if (off < f->end) {
      f->end = std::max(f->end, off + n);
      g_written.fetch_add(1, std::memory_order_relaxed);
      return Real(f).xWrite(f->real, buf, n, off);
    }
    f->at = off;
  }
  try {
    f->gathered.append(static_cast<const char*>(buf), static_cast<size_t>(n));
  } catch (const std::bad_alloc&) {
    f->gathered.clear();
    return SQLITE_IOERR_NOMEM;
  }
  f->end = std::max(f->end, off + n);
  f->commit_page_next = IsCommitHeader(buf, n);
  if (commit_page || f->gathered.size() >= kMaxGathered) return Flush(f);
  return SQLITE_OK;
}

// Each call that reads, syncs, sizes or changes the file sees the gathered writes first.
template <auto Method, class... Args>
int AfterFlush(sqlite3_file* p, Args... args) {
  File* f = Of(p);
  if (f->is_wal)
    if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return (Real(f).*Method)(f->real, args...);
}

int Read(sqlite3_file* p, void* buf, int n, sqlite3_int64 off) {
  return AfterFlush<&sqlite3_io_methods::xRead>(p, buf, n, off);
}
int Truncate(sqlite3_file* p, sqlite3_int64 size) { return AfterFlush<&sqlite3_io_methods::xTruncate>(p, size); }
int Sync(sqlite3_file* p, int flags) { return AfterFlush<&sqlite3_io_methods::xSync>(p, flags); }
int FileSize(sqlite3_file* p, sqlite3_int64* size) { return AfterFlush<&sqlite3_io_methods::xFileSize>(p, size); }
int FileControl(sqlite3_file* p, int op, void* arg) {
  return AfterFlush<&sqlite3_io_methods::xFileControl>(p, op, arg);
}

int Lock(sqlite3_file* p, int level) { return Real(Of(p)).xLock(Of(p)->real, level); }
int Unlock(sqlite3_file* p, int level) { return Real(Of(p)).xUnlock(Of(p)->real, level); }
int CheckReservedLock(sqlite3_file* p, int* out) { return Real(Of(p)).xCheckReservedLock(Of(p)->real, out); }
int SectorSize(sqlite3_file* p) { return Real(Of(p)).xSectorSize(Of(p)->real); }
int DeviceCharacteristics(sqlite3_file* p) { return Real(Of(p)).xDeviceCharacteristics(Of(p)->real); }
int ShmMap(sqlite3_file* p, int page, int size, int extend, void volatile** out) {
  return Real(Of(p)).xShmMap(Of(p)->real, page, size, extend, out);
}
// The connection lets go of the WAL's write lock (slot 0) when its write
// transaction ends. A commit wrote its frames out at its commit frame, so
// anything still gathered then belongs to a transaction rolled back (SQLite
// 3.40 reads the WAL while it rolls back, which writes them out first): it
// is dropped, never written later over frames another connection committed.
int ShmLock(sqlite3_file* p, int offset, int n, int flags) {
  File* f = Of(p);
  if (File* wal = f->wal; wal && offset == 0 && (flags & SQLITE_SHM_UNLOCK) && (flags & SQLITE_SHM_EXCLUSIVE)) {
    wal->gathered.clear();
    wal->commit_page_next = false;
    wal->end = -1;
  }
  return Real(f).xShmLock(f->real, offset, n, flags);
}
// SQLite fences the shared memory before it shows readers a new end of the
// WAL. A commit's frames were written at its commit frame; should anything
// still be gathered here (a way of writing frames this file does not know),
// it is written first, and a failure stops the process: readers would be
// shown frames that are not there, and the commit's callers told it holds.
void ShmBarrier(sqlite3_file* p) {
  File* f = Of(p);
  if (File* wal = f->wal; wal && !wal->gathered.empty())
    if (const int rc = Flush(wal); rc != SQLITE_OK) {
      std::fprintf(stderr, "friendlygov: a commit's WAL frames could not be written (SQLite error %d), stopping\n", rc);
      std::abort();
    }
  Real(f).xShmBarrier(f->real);
}
int ShmUnmap(sqlite3_file* p, int del) { return Real(Of(p)).xShmUnmap(Of(p)->real, del); }
int Fetch(sqlite3_file* p, sqlite3_int64 off, int n, void** out) {
  return Real(Of(p)).xFetch(Of(p)->real, off, n, out);
}
int Unfetch(sqlite3_file* p, sqlite3_int64 off, void* page) { return Real(Of(p)).xUnfetch(Of(p)->real, off, page); }

// A file whose base methods lack shared memory or mapping (version 1, or
// SQLite's "nolock" methods) gets a table without them, as SQLite expects.
const sqlite3_io_methods kMethods = {
    3,        Close,        Read,       Write,    Truncate,  Sync,       FileSize,
    Lock,     Unlock,       CheckReservedLock,    FileControl,           SectorSize,
    DeviceCharacteristics,  ShmMap,     ShmLock,  ShmBarrier, ShmUnmap,  Fetch,
    Unfetch,
};
const sqlite3_io_methods kMethodsV1 = {
    1,    Close,  Read,   Write,  Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock, FileControl, SectorSize,
    DeviceCharacteristics,
};

bool Ours(const sqlite3_file* p) { return p->pMethods == &kMethods || p->pMethods == &kMethodsV1; }

int Open(sqlite3_vfs*, const char* name, sqlite3_file* p, int flags, int* out_flags) {
  File* f = new (p) File{};
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(p) + kRealOffset);
  f->real->pMethods = nullptr;
  const int rc = g_base->xOpen(g_base, name, f->real, flags, out_flags);
  if (!f->real->pMethods) {  // nothing to close: SQLite will not call xClose
    f->~File();
    p->pMethods = nullptr;
    return rc;
  }
  const sqlite3_io_methods& real = *f->real->pMethods;
  p->pMethods = real.iVersion >= 3 && real.xShmMap && real.xShmLock && real.xShmBarrier && real.xShmUnmap &&
                        real.xFetch && real.xUnfetch
                    ? &kMethods
                    : &kMethodsV1;
  if ((flags & SQLITE_OPEN_WAL) && name) {
    f->is_wal = true;
    // The database file of the same connection, whose barrier writes what this gathered.
    if (sqlite3_file* d = sqlite3_database_file_object(name); d && Ours(d)) {
      f->db = Of(d);
      Of(d)->wal = f;
    }
  }
  return rc;
}

}  // namespace

void InstallWalVfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_base = sqlite3_vfs_find(nullptr);
    if (!g_base || g_base->iVersion < 1) return;
    g_vfs = *g_base;  // its other methods serve ours unchanged
    g_vfs.zName = "fg-wal";
    g_vfs.szOsFile = static_cast<int>(kRealOffset) + g_base->szOsFile;
    g_vfs.xOpen = Open;
    g_vfs.pNext = nullptr;
    sqlite3_vfs_register(&g_vfs, /*makeDflt=*/1);
  });
}

WalVfsCounts WalVfsCounted() {
  return {g_gathered.load(std::memory_order_relaxed), g_written.load(std::memory_order_relaxed)};
}

}  // namespace fg::db
