#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, build-fuzz/) and runs each for N seconds
# (default 10) over a copy of its corpus fuzz/corpus/<name>/ (the repository's
# corpus does not grow). Fails on the first crash, sanitizer report or broken
# invariant; the input that caused it is left in build-fuzz/findings/.
#   fuzz/run.sh [seconds] [target...]      e.g. fuzz/run.sh 180 csv time
# FUZZ_SEED=n fixes libFuzzer's random seed (make test's short run does, so that a CI run
# is repeatable; `make fuzz` and long runs explore with a new seed each time).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
jobs="${JOBS:-2}"

cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DFG_FUZZ=ON -DFG_TESTS=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_targets

if (($#)); then targets=("$@"); else
  targets=()
  for f in fuzz/*_fuzz.cpp; do n=$(basename "$f" .cpp); targets+=("${n%_fuzz}"); done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p build-fuzz/findings
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS_EXTRA:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  [[ -d fuzz/corpus/$t ]] && cp -r "fuzz/corpus/$t/." "$work/$t/"
  echo "fuzz: $t for ${seconds}s"
  if ! "build-fuzz/${t}_fuzz" "$work/$t" ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="build-fuzz/findings/${t}-" >"$work/$t.log" 2>&1; then
    tail -n 60 "$work/$t.log"
    failed+=("$t")
  else
    # The final status line: executions, coverage (cov: edges, ft: features), corpus size.
    grep -E '^#[0-9]+[[:space:]]+DONE' "$work/$t.log" | tail -n 1 || true
    # With KEEP=dir, the grown corpus is kept there (to inspect, or to pick new seeds from).
    if [[ -n "${KEEP:-}" ]]; then mkdir -p "$KEEP/$t"; cp -r "$work/$t/." "$KEEP/$t/"; fi
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]} (inputs in build-fuzz/findings/)" >&2
  exit 1
fi
echo "fuzz: all targets ran ${seconds}s without a finding"
