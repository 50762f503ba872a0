#!/usr/bin/env python3
"""What asking a file's times costs its next fdatasync (docs/performance.md,
29/11/2026 afternoon): 400 times, writes 160 KB into a 17 MB file in place and
syncs it, with a stat() and fstat() before each write when the argument is 1.
On Linux 6.13 and later (multigrain timestamps) the query makes the next write
stamp a fine-grained time, so each sync also writes the inode. Count the
block requests with:
  perf stat -e block:block_rq_issue python3 bench/sync_stat.py 0   (then 1)
The file is made in the working directory's disk (bench/), not in /tmp."""
import os
import sys
import time

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sync_stat.tmp")
query_times = sys.argv[1:] == ["1"]
fd = os.open(path, os.O_CREAT | os.O_WRONLY)
try:
    chunk = b"x" * 160000
    for off in range(0, 17_000_000, len(chunk)):
        os.pwrite(fd, chunk, off)
    os.fsync(fd)
    off = 0
    for _ in range(400):
        if query_times:
            os.stat(path)
            os.fstat(fd)
        os.pwrite(fd, chunk, off)
        off = 0 if off + len(chunk) > 16_000_000 else off + len(chunk)
        time.sleep(0.0005)
        os.fdatasync(fd)
finally:
    os.close(fd)
    os.unlink(path)
