#!/bin/bash
# Which B-trees the commits of case (c) write, and how many WAL frames each
# commit takes: starts the Release server with demo data, POSTs units with wrk
# (bench/unit_write.lua), and while wrk runs stops the server (SIGSTOP) eight
# times to copy the database and its WAL as they are; reads the frames of each
# copy's current WAL generation (those whose salt is the header's: the WAL
# starts over often) and names each frame's page through SQLite's dbstat
# table. A commit present in two copies counts twice: the means per commit
# hold. Every frame is a page written to the WAL (and later
# copied into the database by a checkpoint): fewer per commit, less to write.
#   bench/wal_pages.sh            (env: CONNS=64 SECS=6 BIN=build-bench/friendlygov)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build-bench/friendlygov}
PORT=18080
WORK=$(mktemp -d)
PID=
WRK=
trap 'kill -CONT $PID 2>/dev/null || true; kill $PID $WRK 2>/dev/null || true; rm -rf "$WORK"' EXIT
FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE=0 "$BIN" --database "sqlite:$WORK/fg.db" --assets-dir . --log-level warn \
  serve --demo --listen 127.0.0.1:$PORT > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$PORT/healthz && break; sleep 0.2; done
curl -sf -o /dev/null http://127.0.0.1:$PORT/healthz || { cat "$WORK/server.log"; exit 1; }
FG_TOKEN=$(cd bench && python3 -c "import http_bench; print(http_bench.bearer_token())")
export FG_TOKEN
wrk -t2 -c"${CONNS:-64}" -d"${SECS:-6}s" -s bench/unit_write.lua http://127.0.0.1:$PORT/ > "$WORK/wrk.out" &
WRK=$!
sleep 1
for i in $(seq 8); do
  sleep 0.4
  kill -STOP $PID
  cp "$WORK/fg.db" "$WORK/copy$i.db"
  cp "$WORK/fg.db-wal" "$WORK/copy$i.db-wal"
  kill -CONT $PID
done
wait $WRK
grep Requests/sec "$WORK/wrk.out"
python3 - "$WORK"/copy?.db <<'PY'
import collections, sqlite3, struct, sys
total, commits = collections.Counter(), 0
for db in sys.argv[1:]:
    wal = open(db + "-wal", "rb").read()
    page_size = struct.unpack(">I", wal[8:12])[0]
    salt = wal[16:24]
    frames, off = [], 32
    while off + 24 + page_size <= len(wal) and wal[off + 8:off + 16] == salt:
        page, commit_size = struct.unpack(">II", wal[off:off + 8])
        frames.append((page, commit_size))
        off += 24 + page_size
    while frames and not frames[-1][1]:  # a commit not finished when the copy was taken
        frames.pop()
    commits += sum(1 for _, c in frames if c)
    names = dict(sqlite3.connect(db).execute("SELECT pageno, name FROM dbstat"))
    total.update(names.get(p, "?") for p, _ in frames)
if not commits:
    sys.exit("no whole commit in the WALs copied: run again")
print(f"{sum(total.values())} frames in {commits} commits: {sum(total.values()) / commits:.1f} frames per commit")
for name, n in total.most_common(20):
    print(f"{n / commits:7.2f}  {name}")
PY
