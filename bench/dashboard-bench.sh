#!/usr/bin/env bash
# Dashboard aggregations (issue 10): indexes 1,000,000 synthetic case documents into a separate index
# (ecocase-bench-dashboard, reused when it already holds that many) and reports the bulk rate and p50/p95 of every
# /api/analytics query at province level and for one bureau.
# Usage: bench/dashboard-bench.sh [documents=1000000] [rounds=30]   (MVN_FLAGS=-o for an offline build)
# ELASTICSEARCH_URL names the node (default http://127.0.0.1:9200; start one with scripts/es-test-server.sh,
# ES_HEAP=2g for a million documents).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/app/target/bench"
mkdir -p "$OUT"

cd "$ROOT/app"
mvn -q -B ${MVN_FLAGS:-} compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt"
CP="$ROOT/app/target/classes:$(cat "$OUT/classpath.txt")"

javac -d "$OUT" -cp "$CP" "$ROOT/bench/DashboardBench.java"
java -Xms512m -Xmx1g -cp "$OUT:$CP" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" DashboardBench "$@"
