#!/usr/bin/env bash
# Benchmark 4 (issue 14): the application's start time, a fresh JVM per start, scenarios interleaved round by round:
# H2 and PostgreSQL, each on an empty database and again on that database (restart); Elasticsearch not configured,
# up, and configured but down. Per scenario the median seconds to "Started CasePlatformApplication" and to the
# first 200 of GET /api/session, and the ratio to h2-first (a Markdown table at the end).
# Usage: bench/start-time-bench.sh [rounds=3]   (full size: 5; MVN_FLAGS=-o for an offline build)
# PostgreSQL: POSTGRES_URL/POSTGRES_USER/POSTGRES_PASSWORD name a server, else a throwaway one is started on
# PGPORT (default 55456) and stopped after; PG=skip leaves PostgreSQL out. Elasticsearch: ELASTICSEARCH_URL names a
# node, else one is started on ES_PORT (default 9256) and stopped after; ES=skip leaves the "es-up" scenario out.
# BENCH_SCENARIOS=h2-first,h2-restart,h2-restart-cds picks scenarios (a restart scenario needs its first start in the
# list: it reuses that database); h2-restart-cds: the JDK's class data sharing archive (AppCDS) made by one training
# start (-XX:ArchiveClassesAtExit), then mapped by each measured start (-XX:SharedArchiveFile). BENCH_PORT (default 18456) is the app's port;
# BENCH_JAVA_OPTS the measured JVMs' options (default -Xmx1g).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/app/target/bench"
ROUNDS="${1:-3}"
mkdir -p "$OUT"

cd "$ROOT/app"
mvn -q -B ${MVN_FLAGS:-} compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt"
CP="$ROOT/app/target/classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT" -cp "$CP" "$ROOT/bench/StartTimeBench.java"
# the measured JVMs run the application's classes from a jar (as the packaged application does; class data sharing
# archives no class loaded from a directory)
rm -f "$OUT/app-classes.jar"
jar cf "$OUT/app-classes.jar" -C "$ROOT/app/target/classes" .
export BENCH_APP_CP="$OUT/app-classes.jar:$(cat "$OUT/classpath.txt")"

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" || true; done' EXIT
if [ "${PG:-}" != "skip" ] && [ -z "${POSTGRES_URL:-}" ]; then
  export PGPORT="${PGPORT:-55456}"
  bash "$ROOT/scripts/pg-test-server.sh" start >/dev/null
  cleanup+=("PGPORT=$PGPORT bash '$ROOT/scripts/pg-test-server.sh' stop >/dev/null")
  eval "$(bash "$ROOT/scripts/pg-test-server.sh" env)"
fi
if [ "${ES:-}" != "skip" ] && [ -z "${ELASTICSEARCH_URL:-}" ]; then
  export ES_PORT="${ES_PORT:-9256}"
  bash "$ROOT/scripts/es-test-server.sh" start >/dev/null
  cleanup+=("ES_PORT=$ES_PORT bash '$ROOT/scripts/es-test-server.sh' stop >/dev/null")
  eval "$(bash "$ROOT/scripts/es-test-server.sh" env)"
fi
[ "${ES:-}" = "skip" ] && unset ELASTICSEARCH_URL

echo "machine: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); $(uptime)"
PG_ARGS=()
[ "${PG:-}" != "skip" ] && PG_ARGS=("$POSTGRES_URL" "${POSTGRES_USER:-caseplatform}" "${POSTGRES_PASSWORD:-caseplatform}")
BENCH_LOG_DIR="$OUT/start-logs" java -Xmx256m -cp "$OUT:$CP" StartTimeBench "$ROUNDS" "${BENCH_PORT:-18456}" \
  "$OUT/start-h2" "${PG_ARGS[@]}"
echo "after: $(uptime)"
