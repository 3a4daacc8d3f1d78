#!/usr/bin/env bash
# JMH: one penalty-discretion evaluation (the six-decision graph) on a bare DMN engine, one thread, p50/p90/p99:
# Camunda's stock FEEL factory vs the caching one (CachingFeelEngineFactory), on the feel-engine 1.19.5 the build
# uses, then stock and cached again on Camunda 7.24's own 1.19.3 jar (same classes, only the jar swapped).
# Usage: bench/dmn-bench.sh [JMH options, e.g. -wi 1 -i 3]   (MVN_FLAGS=-o for an offline build; OLD_FEEL=skip to
# leave out the 1.19.3 run)
set -euo pipefail
cd "$(dirname "$0")/../app"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
run() {
  java -Xmx512m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$1" \
    cn.ecolaw.platform.engine.PenaltyDiscretionBench "${@:2}" 2>&1 | grep -E '^RESULT|^# Run complete|Error|Exception' || true
}
run "$CP" "$@"
if [ "${OLD_FEEL:-}" != "skip" ]; then
  OLD="$(echo "$CP" | tr ':' '\n' | grep 'feel-engine-1.19.5-scala-shaded.jar' | sed 's/1\.19\.5/1.19.3/g')"
  if [ -f "$OLD" ]; then
    run "$(echo "$CP" | sed "s#[^:]*feel-engine-1.19.5-scala-shaded.jar#$OLD#")" "$@"
  else
    echo "feel-engine 1.19.3 (scala-shaded) is not in the local Maven repository: run skipped"
  fi
fi
