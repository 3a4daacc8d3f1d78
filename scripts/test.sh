#!/usr/bin/env bash
# THE test command: installs what the machine lacks, starts a throwaway PostgreSQL and a throwaway Elasticsearch
# (scripts/es-test-server.sh), runs all tests (unit tests with surefire, *IT integration tests with failsafe) and
# stops both servers again.
#   bash scripts/test.sh                     # everything
#   bash scripts/test.sh -Dit.test=SomeIT    # extra arguments go to Maven
# Exits with Maven's exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=test
. scripts/lib/common.sh

started=$SECONDS
finish() {
  local rc=$?
  bash scripts/pg-test-server.sh stop || true
  bash scripts/es-test-server.sh stop || true
  local took=$((SECONDS - started))
  log "total duration / 总耗时: $((took / 60))m $((took % 60))s (exit code $rc)"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash scripts/setup.sh test
bash scripts/pg-test-server.sh start >/dev/null
eval "$(bash scripts/pg-test-server.sh env)"
bash scripts/es-test-server.sh start >/dev/null
eval "$(bash scripts/es-test-server.sh env)"
log "integration tests use $POSTGRES_URL and Elasticsearch at $ELASTICSEARCH_URL"

mvn -B -ntp verify "$@"
