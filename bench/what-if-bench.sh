#!/usr/bin/env bash
# JMH: a what-if replay of a draft penalty-discretion over generated discretion records (default 1,000,000) on
# 2 threads: each record evaluated, changed / up / down counted per violation type. Side by side in one run: the
# caching FEEL factory as first merged (feel=cached, parse cache only) and as configured now (feel=fast).
# Single shot per iteration (1 warm-up, 3 measured); prints the seconds, the worker threads' CPU time and what the
# replay found (with the number of distinct input combinations among the records).
# Usage: bench/what-if-bench.sh [JMH options, e.g. -p records=100000 -p threads=2 -p feel=fast -i 1]
# (MVN_FLAGS=-o offline)
set -euo pipefail
cd "$(dirname "$0")/../app"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.ecolaw.platform.engine.WhatIfReplayBench "$@" 2>&1 | grep -E '^RESULT|SUMMARY|Exception'
