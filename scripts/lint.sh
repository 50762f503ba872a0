#!/usr/bin/env bash
# make lint: formatting (clang-format, .clang-format) and static checks
# (clang-tidy, .clang-tidy) over the project's C++ sources; fails on any finding.
#   scripts/lint.sh            check
#   scripts/lint.sh --fix      rewrite the formatting in place
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^tests/e2e/')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
echo "lint: clang-format on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
# clang-tidy needs the compile commands of a configured build.
if [[ ! -f build-test/compile_commands.json ]]; then
  cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
mapfile -t units < <(git ls-files '*.cpp' | grep -v -e '^tests/e2e/' -e '^fuzz/')
echo "lint: clang-tidy on ${#units[@]} translation units"
# Neither -e nor pipefail here: grep -v finds nothing to print (status 1) when
# every unit is clean; clang-tidy's own status is xargs' (123 when any failed).
set +e +o pipefail
printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build-test --quiet 2>&1 \
  | grep -v -e '^[0-9]* warnings generated' -e '^Suppressed' -e '^Use -header-filter' > /tmp/fg-lint.log
tidy_status=${PIPESTATUS[1]}
set -e -o pipefail
cat /tmp/fg-lint.log
if [[ "$tidy_status" -ne 0 ]] || grep -qE '(warning|error):' /tmp/fg-lint.log; then
  echo "lint: clang-tidy found problems (above; clang-tidy's status $tidy_status)"
  exit 1
fi
echo "lint: clean"
