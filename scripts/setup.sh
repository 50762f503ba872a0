#!/usr/bin/env bash
# Installs what FriendlyGov needs on Debian 12 (bookworm), only what is missing.
#   scripts/setup.sh          build and run dependencies
#   scripts/setup.sh --test   plus PostgreSQL server, Chromium, the npm test drivers, clang + libFuzzer
#   scripts/setup.sh --bench  plus nginx, wrk, time and valgrind (benchmarks only)
#   scripts/setup.sh --fuzz   plus clang and libFuzzer (make fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."

build_pkgs=(g++ cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-context1.81-dev
  libsqlite3-dev libpq-dev libctemplate-dev libsodium-dev libssl-dev libcsv-dev
  libcli11-dev libspdlog-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libutf8proc-dev
  libcairo2-dev libpango1.0-dev fonts-noto-core libqrencode-dev libxlsxwriter-dev  # forms as PDF, QR, XLSX
  libgoogle-perftools-dev  # tcmalloc for the server binary
  libcurl4-openssl-dev  # notifications: SMTP, SMS and Zalo gateways; feedback mailboxes: IMAP
  libgmime-3.0-dev  # feedback by e-mail: MIME messages
  libzip-dev libexpat1-dev  # spreadsheets read back (imported criteria sets): the .xlsx archive and its XML
  espeak-ng sox)  # announcements: spoken audio (voice vi); sox checks it is not silent in the tests
# clang: fuzz/run.sh; poppler-utils: pdftotext; zbar-tools: zbarimg (the receipt QR in e2e);
# python3-aiosmtpd: the SMTP sink of the notification tests; dovecot-imapd: the IMAP server of the
# feedback mailbox tests; unzip: the spreadsheets' XML read back
test_pkgs=(postgresql chromium nodejs npm sqlite3 clang libclang-rt-14-dev poppler-utils zbar-tools python3-aiosmtpd
  dovecot-imapd unzip)
bench_pkgs=(nginx-light wrk python3 time valgrind)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi
if [[ "${1:-}" == "--bench" ]]; then want+=("${bench_pkgs[@]}"); fi
if [[ "${1:-}" == "--fuzz" ]]; then want+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${want[@]}"; do
  # npm may come from another nodejs build that bundles it
  if [[ "$p" == npm ]] && command -v npm >/dev/null; then continue; fi
  if [[ "$p" == nodejs ]] && command -v node >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
  # tests/e2e/package.json: playwright-core (drives Chromium), axe-core (accessibility rules)
  if [[ ! -d tests/e2e/node_modules/playwright-core || ! -d tests/e2e/node_modules/axe-core ]]; then
    echo "setup: installing npm test drivers"
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
  fi
fi
