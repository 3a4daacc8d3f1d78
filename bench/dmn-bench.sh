#!/usr/bin/env bash
# JMH: one penalty-discretion evaluation (the six-decision graph) on a bare DMN engine, one thread, p50/p90/p99,
# side by side in one run: Camunda's stock FEEL factory (feel=stock), the caching factory as first merged (parse
# cache only, feel=cached) and as configured now (constants, fast paths, direct interpretation, feel=fast), on the
# feel-engine 1.19.5 the build uses; then stock and cached again with Camunda 7.24's own 1.19.3 jar swapped in (same
# classes). After each JMH run, the CPU time per evaluation (DmnCpuProbe, the same settings in alternating rounds;
# steadier than wall clock on a busy machine).
# Usage: bench/dmn-bench.sh [JMH options, e.g. -wi 1 -i 3]   (MVN_FLAGS=-o for an offline build; OLD_FEEL=skip
# leaves out the 1.19.3 run; FEEL=cached,fast picks the settings of the 1.19.5 run)
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
cd "$BENCH_DIR/../app"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
run() {
  local cp="$1" settings="$2"; shift 2
  java -Xmx512m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$cp" \
    cn.ecolaw.platform.engine.PenaltyDiscretionBench -p feel="$settings" "$@" 2>&1 | grep -E '^RESULT|Exception' || true
  java -Xmx512m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$cp" \
    cn.ecolaw.platform.engine.DmnCpuProbe 10 2000 "$settings" 2>&1 | grep -E '^RESULT|Exception' || true
}
run "$CP" "${FEEL:-stock,cached,fast}" "$@"
if [ "${OLD_FEEL:-}" != "skip" ]; then
  NEW="$(echo "$CP" | tr ':' '\n' | grep 'feel-engine-1.19.5-scala-shaded.jar')"
  OLD="${NEW//1.19.5/1.19.3}"
  if [ -f "$OLD" ]; then
    # the fast paths are written against 1.19.5's interpreter classes: the old jar runs stock and cached only
    run "${CP//$NEW/$OLD}" stock,cached "$@"
  else
    echo "feel-engine 1.19.3 (scala-shaded) is not in the local Maven repository: run skipped"
  fi
fi
