#!/usr/bin/env bash
# Whole enforcement cases per minute, clue to PAID (12 task completions with the server-side form guard, 2 DMN
# evaluations, 4 documents as DOCX + PDF), the case view's latency, and the application's start time.
# H2 in memory, job executor off. Usage: bench/enforcement-flow-bench.sh [cases=30]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
cd "$BENCH_DIR/../app"
CASES="${1:-30}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  -Dlogback.configurationFile="$BENCH_DIR/logback-bench.xml" \
  cn.ecolaw.platform.enforcement.EnforcementFlowBench "$CASES" 2>&1 | grep -E '^start='
