#!/bin/bash
# Instructions per durable write by server thread (writer, io), counted by
# callgrind: unlike req/s or CPU time, the count does not move with what else
# the machine runs, so two builds compare in a few percent. Starts the Release
# server under valgrind with demo data, warms up, then counts 10 s of wrk with
# 32 connections on case (c) (POST /api/v1/units with a bearer token), (f) (a
# rating from a paired desk tablet), (j) (the public feedback form) or (k) (a
# Facebook page's signed message to its webhook), and
# divides each thread's instructions by the requests answered. valgrind runs
# one thread at a time: batches are smaller than at full speed, so per-batch
# work weighs more than in bench/http_bench.py.
# With KEEP=dir the per-thread callgrind files are kept there, for
# `callgrind_annotate --inclusive=yes dir/cg.<pid>.1-<thread>` (the writer's is
# the file naming GroupCommit::apply): what each function costs.
# ASSETS=dir takes migrations, templates and messages from another checkout
# (an older build's own, to compare it as it was).
#   bench/write_instructions.sh        (env: CASE=c|f|j|k BIN=build-bench/friendlygov KEEP= ASSETS=.)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build-bench/friendlygov}
CASE=${CASE:-c}
PORT=18080  # bench/http_bench.py's, for its bearer_token()
WORK=$(mktemp -d)
trap 'kill ${PID:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
FRIENDLYGOV_FEEDBACK_PER_ADDRESS=0 FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE=0 \
  valgrind --tool=callgrind --separate-threads=yes --instr-atstart=no --callgrind-out-file="${KEEP:-$WORK}/cg.%p" \
  "$BIN" --database "sqlite:$WORK/fg.db" --assets-dir "${ASSETS:-.}" --log-level warn serve --demo --listen 127.0.0.1:$PORT \
  > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 600); do curl -sf -o /dev/null http://127.0.0.1:$PORT/healthz && break; sleep 0.5; done
. bench/write_case.sh
write_case_setup
wrk -t1 -c16 -d3s -s "$WORK/req.lua" "$URL" > /dev/null
callgrind_control -i on $PID > /dev/null
FG_FROM=30000 wrk -t1 -c32 -d10s -s "$WORK/req.lua" "$URL" > "$WORK/wrk.out"
callgrind_control -i off $PID > /dev/null
callgrind_control -d $PID > /dev/null
sleep 1
N=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
BAD=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")
echo "case ($CASE): $N requests counted, ${BAD:-0} of them answered with an error (a figure only if 0)"
for f in "${KEEP:-$WORK}"/cg.$PID.*-*; do
  total=$(awk '/^totals:/ {print $2}' "$f")
  [[ -z "$total" || "$total" == 0 ]] && continue
  role=other
  if grep -q "GroupCommit::apply" "$f"; then role=writer; elif grep -q "scheduler::run" "$f"; then role=io; fi
  echo "$role $total"
done | awk -v n="$N" '{a[$1] += $2} END {for (k in a) printf "%-6s %9.0f instructions per request\n", k, a[k] / n}' | sort
