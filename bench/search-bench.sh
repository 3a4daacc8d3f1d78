#!/usr/bin/env bash
# The case index under load (bench/SearchBench.java): bulk indexing of N synthetic cases (default 1,000,000), search
# and dashboard aggregation p50/p95, lag from write to searchable under bulk load. Uses the node at
# ELASTICSEARCH_URL, else starts a throwaway one with scripts/es-test-server.sh (ES_PORT, default 9200; ES_HEAP).
# Usage: bench/search-bench.sh [documents] [searches]     (MVN_FLAGS=-o for an offline build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/app/target/bench"
mkdir -p "$OUT"

if [ -z "${ELASTICSEARCH_URL:-}" ]; then
  export ES_HEAP="${ES_HEAP:-1g}"
  bash "$ROOT/scripts/es-test-server.sh" start >/dev/null
  trap 'bash "$ROOT/scripts/es-test-server.sh" stop' EXIT
  eval "$(bash "$ROOT/scripts/es-test-server.sh" env)"
fi

cd "$ROOT/app"
mvn -q -B ${MVN_FLAGS:-} compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt"
CP="$ROOT/app/target/classes:$(cat "$OUT/classpath.txt")"

javac -d "$OUT" -cp "$CP" "$ROOT/bench/SearchBench.java"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
java -Xms512m -Xmx512m -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -cp "$OUT:$CP" SearchBench "$@"
