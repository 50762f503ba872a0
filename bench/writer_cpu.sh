#!/bin/bash
# CPU time per durable write by server thread (writer, io), which a loaded
# machine changes far less than throughput: starts the Release server with demo
# data, sends write case CASE with wrk (c: POST /api/v1/units with a bearer
# token, the default; f, j, k: bench/write_case.sh), and divides each thread's user+system time by
# the writes counted in /metrics. Also prints wrk's own CPU, the share of the
# machine left idle during the run (/proc/stat), the mean group commit, the
# mean time a request spent in the application (/metrics: from the request
# read, head and body, to its answer made, before the answer is written) beside
# wrk's mean latency, and the sizes of the database file and its WAL.
#   bench/writer_cpu.sh            (env: CASE=c|f|j|k CONNS=64 SECS=10 BIN=build-bench/friendlygov)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build-bench/friendlygov}
PORT=18080
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
CASE=${CASE:-c}
FRIENDLYGOV_FEEDBACK_PER_ADDRESS=0 FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE=0 "$BIN" --database "sqlite:$WORK/fg.db" --assets-dir . --log-level warn \
  serve --demo --listen 127.0.0.1:$PORT > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$PORT/healthz && break; sleep 0.2; done
TOKEN=$(cd bench && python3 -c "import http_bench; print(http_bench.bearer_token())")  # for /metrics
# (k): one new message per request, enough for ~40k requests a second
[[ "$CASE" == k ]] && MESSAGES=${MESSAGES:-$((40000 * ${SECS:-10}))}
. bench/write_case.sh
write_case_setup
metric() { curl -s http://127.0.0.1:$PORT/metrics -H "Authorization: Bearer $TOKEN" | awk -v m="$1" '$1 == m {print $2}'; }
writes() { metric friendlygov_db_writes_total; }
# idle and total jiffies of all CPUs
cpu() { awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print $5 + $6, t}' /proc/stat; }
# user+system clock ticks per thread name (a name's threads summed)
snap() { for t in /proc/$PID/task/*; do echo "$(cat $t/comm) $(awk '{print $14+$15}' $t/stat)"; done |
  awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | sort; }
# seconds spent in the server and requests answered, summed over every route
served() { curl -s http://127.0.0.1:$PORT/metrics -H "Authorization: Bearer $TOKEN" |
  awk '/^friendlygov_http_request_duration_seconds_sum/ {s += $2} /^friendlygov_http_request_duration_seconds_count/ {n += $2} END {print s, n}'; }
read -r D0 N0 < <(served)
W0=$(writes); B0=$(metric friendlygov_db_write_batches_total); snap > "$WORK/s0"; read -r I0 T0 < <(cpu)
/usr/bin/time -f "wrk: %U s user, %S s system" wrk -t2 -c"${CONNS:-64}" -d"${SECS:-10}s" -s "$WORK/req.lua" \
  --latency "$URL" 2>&1 | grep -E "Requests/sec|^wrk:|^ +Latency +[0-9]"
read -r I1 T1 < <(cpu); snap > "$WORK/s1"; W1=$(writes); B1=$(metric friendlygov_db_write_batches_total)
read -r D1 N1 < <(served)
echo "mean time in the application: $(awk -v d=$D0 -v e=$D1 -v n=$N0 -v m=$N1 'BEGIN {printf "%.2f", (e - d) / (m - n) * 1000}') ms (wrk's mean latency above)"
N=$((W1 - W0))
echo "writes: $N; mean group commit $(awk -v w=$N -v b=$((B1 - B0)) 'BEGIN {printf "%.1f", w / b}'); machine idle $(awk -v i=$((I1 - I0)) -v t=$((T1 - T0)) 'BEGIN {printf "%.2f", i / t}')"
# A WAL that is seldom started over grows with every batch (docs/performance.md, 28/11/2026 night).
echo "database file $(stat -c %s "$WORK/fg.db") bytes, WAL $(stat -c %s "$WORK/fg.db-wal" 2>/dev/null || echo 0) bytes"
TICK=$(getconf CLK_TCK)
join "$WORK/s0" "$WORK/s1" | awk -v n=$N -v tick=$TICK '{printf "%-12s %6.1f us CPU per write\n", $1, ($3-$2)*1e6/tick/n}'
