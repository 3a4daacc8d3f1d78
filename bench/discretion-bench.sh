#!/usr/bin/env bash
# Measures penalty-discretion DMN evaluations per second through the real Camunda 7 engine (feel-scala).
# Usage: bench/discretion-bench.sh [seconds-per-phase]   (default 10)
# History level of the in-memory engine: BENCH_JAVA_OPTS=-Ddiscretion.history=full (default none; the app runs full).
# The application's FEEL parse cache (FeelParseCachePlugin): BENCH_JAVA_OPTS=-Ddiscretion.feelCache=true (default off:
# Camunda's stock FEEL factory).
set -euo pipefail
cd "$(dirname "$0")/../app"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java ${BENCH_JAVA_OPTS:-} -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.ecolaw.platform.discretion.DiscretionBench "${1:-10}" 2>&1 | grep -E "evaluations"
