#!/bin/bash
# CPU time per durable write by server thread (writer, io), which a loaded
# machine changes far less than throughput: starts the Release server with demo
# data, takes a bearer token as bench/http_bench.py does, POSTs units (case (c))
# with wrk, and divides each thread's user+system time by the writes counted
# in /metrics.
#   bench/writer_cpu.sh            (env: CONNS=64 SECS=10 BIN=build-bench/friendlygov)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build-bench/friendlygov}
PORT=18080
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE=0 "$BIN" --database "sqlite:$WORK/fg.db" --assets-dir . --log-level warn \
  serve --demo --listen 127.0.0.1:$PORT > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$PORT/healthz && break; sleep 0.2; done
TOKEN=$(cd bench && python3 -c "import http_bench; print(http_bench.bearer_token())")
cat > "$WORK/write.lua" <<LUA
local n = 0
local next_id = 0
setup = function(thread) next_id = next_id + 1; thread:set("tid", "x-" .. next_id) end
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/units", {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json"},
    '{"code":"B' .. tid .. '-' .. n .. '","name":"Xã Bench","level":"commune","parent_code":"75"}')
end
LUA
writes() { curl -s http://127.0.0.1:$PORT/metrics -H "Authorization: Bearer $TOKEN" | awk '/^friendlygov_db_writes_total/ {print $2}'; }
# user+system clock ticks per thread name (a name's threads summed)
snap() { for t in /proc/$PID/task/*; do echo "$(cat $t/comm) $(awk '{print $14+$15}' $t/stat)"; done |
  awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | sort; }
W0=$(writes); snap > "$WORK/s0"; head -1 /proc/stat > $WORK/p0
/usr/bin/time -f "wrk cpu %U user %S sys" wrk -t2 -c"${CONNS:-64}" -d"${SECS:-10}s" -s "$WORK/write.lua" http://127.0.0.1:$PORT/ | grep -E "Requests/sec"
snap > "$WORK/s1"; W1=$(writes); head -1 /proc/stat > $WORK/p1; paste $WORK/p0 $WORK/p1 | awk "{print \"idle share\", (\$16-\$5)/((\$13+\$14+\$15+\$16+\$17+\$18+\$19)-(\$2+\$3+\$4+\$5+\$6+\$7+\$8))}"
N=$((W1 - W0)); curl -s http://127.0.0.1:$PORT/metrics -H "Authorization: Bearer $TOKEN" | grep -E "batch|writes_total" | head -20
echo "writes: $N"
TICK=$(getconf CLK_TCK)
join "$WORK/s0" "$WORK/s1" | awk -v n=$N -v tick=$TICK '{printf "%-12s %6.1f us CPU per write\n", $1, ($3-$2)*1e6/tick/n}'
