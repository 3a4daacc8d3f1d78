#!/usr/bin/env bash
# Installs what this machine lacks to run and test the platform (Debian 12). Idempotent: when everything is
# present it does nothing and needs no network.
#   bash scripts/setup.sh        # everything the tests need
#   bash scripts/setup.sh run    # only what running the platform needs
# Also installs the pages' browser libraries (web/package-lock.json, e.g. dmn-js) with `npm ci` when web/node_modules
# is missing or older than the lock file; Debian's nodejs/npm are installed first when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=setup
. scripts/lib/common.sh

PG_MAJOR="${PG_MAJOR:-15}"
# package:what it is for
RUN_PACKAGES=(
  "fonts-arphic-gbsn00lp:PDF 正文宋体 (AR PL SungtiL GB, Arphic Public License, embedded in generated PDFs)"
  "fonts-wqy-zenhei:PDF 标题黑体 (WenQuanYi Zen Hei, GPL-2 with font embedding exception)"
  "fonts-liberation2:PDF 西文和数字 (Liberation Serif, SIL OFL, metric-compatible with Times New Roman)"
  "unzip:unpacks the local Elasticsearch (scripts/es-test-server.sh)"
  "curl:checks the local Elasticsearch and drives scripts/reindex.sh"
)
# node and npm install the pages' browser libraries (web/package-lock.json); only when the machine has none
if ! command -v npm >/dev/null; then
  RUN_PACKAGES+=("nodejs:Node.js, runs npm for the pages' browser libraries (dmn-js of the decision workbench)"
    "npm:npm ci installs web/package-lock.json (dmn-js), copied into the jar by the Maven build")
fi
TEST_PACKAGES=(
  "${RUN_PACKAGES[@]}"
  "postgresql:PostgreSQL $PG_MAJOR server for the integration tests (/usr/lib/postgresql/$PG_MAJOR/bin)"
  "poppler-utils:pdftoppm/pdftotext to check rendered PDF pages in the tests"
  "fonts-lxgw-wenkai:中文字体 for the BPMN diagram labels of tools/render-bpmn.sh"
  "libreoffice-writer-nogui:LibreOffice headless, the reference rendering of the DOCX documents (LibreOfficeReferenceTest)"
  "chromium:Chromium headless, the browser of the page tests (Selenium drives the system browser, no download)"
  "chromium-driver:ChromeDriver for Debian's chromium (/usr/bin/chromedriver)"
)

case "${1:-test}" in
  run) wanted=("${RUN_PACKAGES[@]}") ;;
  test) wanted=("${TEST_PACKAGES[@]}") ;;
  *) die "usage: setup.sh [run|test]" ;;
esac

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

command -v java >/dev/null || die "Java 17 is required (apt-get install openjdk-17-jdk-headless)"
command -v mvn >/dev/null || die "Maven is required (apt-get install maven)"

missing=()
for entry in "${wanted[@]}"; do
  pkg="${entry%%:*}"
  installed "$pkg" || { missing+=("$pkg"); log "missing: $pkg — ${entry#*:}"; }
done
# The pages' browser libraries: `npm ci` from the lock file when node_modules is missing or out of date
# (the stamp holds the lock file's checksum). The Maven build copies their dist bundles into the jar.
web_libraries() {
  local lock=web/package-lock.json stamp=web/node_modules/.ecocase-lock.sha256 sum
  [ -f "$lock" ] || return 0
  sum="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -f web/node_modules/dmn-js/package.json ]; then
    log "web libraries up to date (web/node_modules)"
    return 0
  fi
  command -v npm >/dev/null || die "npm is required to install web/package-lock.json (apt-get install nodejs npm)"
  log "installing web libraries: npm ci (web/package-lock.json)"
  (cd web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  echo "$sum" > "$stamp"
  log "installed web libraries"
}

if [ "${#missing[@]}" -eq 0 ]; then
  log "all required packages present"
  web_libraries
  exit 0
fi

apt_get=(apt-get)
if ! is_root; then
  if command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    apt_get=(sudo apt-get)
  else
    log "not root and no sudo: please install as root:"
    log "  apt-get update && apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log "installing: ${missing[*]}"
"${apt_get[@]}" -o DPkg::Lock::Timeout=600 update -qq
"${apt_get[@]}" -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for pkg in "${missing[@]}"; do
  installed "$pkg" || die "$pkg could not be installed"
done
log "installed: ${missing[*]}"
web_libraries
