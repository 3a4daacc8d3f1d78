#!/usr/bin/env bash
# JMH: a what-if replay of a draft penalty-discretion over generated discretion records (default 1,000,000) on
# 2 threads with the caching FEEL factory: each record evaluated, changed / up / down counted per violation type.
# Single shot per iteration (1 warm-up, 3 measured); prints the seconds and what the replay found.
# Usage: bench/what-if-bench.sh [JMH options, e.g. -p records=100000 -p threads=2 -i 1]   (MVN_FLAGS=-o offline)
set -euo pipefail
cd "$(dirname "$0")/../app"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.ecolaw.platform.engine.WhatIfReplayBench "$@" 2>&1 | grep -E '^RESULT|SUMMARY|Exception'
