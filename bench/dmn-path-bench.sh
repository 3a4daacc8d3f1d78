#!/usr/bin/env bash
# JMH: the penalty-discretion file along different paths, one thread, p50: a bare DMN engine (stock), a bare Camunda
# process engine (business rule task in a one-task process; DecisionService) and the platform's process engine (the
# whole application on H2 in memory, every plugin, the caching FEEL factory), with the ratios; then the same paths
# in one JVM in CPU time per operation (DecisionPathCpuProbe).
# Usage: bench/dmn-path-bench.sh [JMH options, e.g. -p path=platform-flow,bare-camunda-flow]   (MVN_FLAGS=-o offline;
# PROBE=skip leaves out the CPU-time run)
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
cd "$BENCH_DIR/../app"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -Xmx512m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$CP" \
  -Dlogback.configurationFile="$BENCH_DIR/logback-bench.xml" \
  cn.ecolaw.platform.engine.DecisionPathBench -jvmArgsPrepend "-Dlogback.configurationFile=$BENCH_DIR/logback-bench.xml" \
  "$@" 2>&1 | grep -E '^RESULT|Exception' || true
if [ "${PROBE:-}" != "skip" ]; then
  java -Xmx1g -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$CP" \
    -Dlogback.configurationFile="$BENCH_DIR/logback-bench.xml" \
    cn.ecolaw.platform.engine.DecisionPathCpuProbe 2>&1 | grep -E '^RESULT|Exception'
fi
