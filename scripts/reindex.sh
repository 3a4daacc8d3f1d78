#!/usr/bin/env bash
# Rebuilds the case search index from the database through the running platform, showing progress.
#   bash scripts/reindex.sh                        # http://localhost:8080, as admin/admin
#   bash scripts/reindex.sh --fresh                # drops the index first (after a change of the mapping)
# Settings: PLATFORM_URL (default http://localhost:8080), PLATFORM_USER / PLATFORM_PASSWORD (default admin/admin;
# only the administrator may rebuild). Uses POST/GET /api/admin/search/reindex.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=reindex
. scripts/lib/common.sh

base="${PLATFORM_URL:-http://localhost:8080}"
auth="${PLATFORM_USER:-admin}:${PLATFORM_PASSWORD:-admin}"
fresh=false
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    *) die "usage: reindex.sh [--fresh]" ;;
  esac
done

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get('$1', ''))"; }

answer="$(curl -sS -u "$auth" -X POST -w '\n%{http_code}' "$base/api/admin/search/reindex?fresh=$fresh")" \
  || die "the platform does not answer at $base"
code="$(tail -n 1 <<<"$answer")"
body="$(sed '$d' <<<"$answer")"
[ "$code" = 202 ] || die "rebuild refused (HTTP $code): $body"
log "rebuilding the search index from the database ..."
while true; do
  body="$(curl -sS -u "$auth" "$base/api/admin/search/reindex")"
  state="$(field state <<<"$body")"
  printf '\r[reindex] %s %s/%s (%s%%)   ' "$(field stateLabel <<<"$body")" "$(field done <<<"$body")" \
    "$(field total <<<"$body")" "$(field percent <<<"$body")" >&2
  case "$state" in
    DONE) echo >&2; log "done"; exit 0 ;;
    FAILED) echo >&2; die "rebuild failed: $(field error <<<"$body")" ;;
  esac
  sleep 1
done
