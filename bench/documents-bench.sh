#!/usr/bin/env bash
# Documents (DOCX + PDF), before and after the renderer kept its parsed fonts, side by side in one run:
#   1. warm: each document type rendered ROUNDS times by both paths in alternation (one JVM, one thread): p50/p95 per
#      type and the ratio;
#   2. first document after start: FIRST_RUNS fresh JVMs per path, alternating before/after: the platform started
#      (H2 in memory, job executor off) and one 行政处罚决定书 rendered as soon as it is ready (JVM start -> ready,
#      the first document's own time, JVM start -> first document); then the documents components alone (cold);
#   3. throughput: DOCUMENTS documents on THREADS threads through DocumentService into H2, before, after, before, after.
# "before" = platform.documents.cache-parsed=false and platform.documents.warm-up=false (each document parses the fonts
# and copies run formatting, as before 2026-11-29); "after" = the defaults.
# Usage: bench/documents-bench.sh [rounds=10] [first_runs=2] [documents=148] [threads=2]
#   full size: bench/documents-bench.sh 40 5 740 2
# MVN_FLAGS=-o builds offline; PARTS="warm first cold throughput" chooses the parts.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
cd "$BENCH_DIR/../app"
ROUNDS="${1:-10}"
FIRST_RUNS="${2:-2}"
COUNT="${3:-148}"
THREADS="${4:-2}"
PARTS="${PARTS:-warm first cold throughput}"
MVN_FLAGS="${MVN_FLAGS:-}"
build() { mvn -q -B $MVN_FLAGS "$@" > target/documents-bench-build.log 2>&1 || { cat target/documents-bench-build.log; exit 1; }; }
mkdir -p target
build test-compile
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# a copy of the compiled classes, so that a build during the (long) run does not change what is measured
SNAP="$(mktemp -d /tmp/documents-bench.XXXXXX)"
trap 'rm -rf "$SNAP"' EXIT
cp -r target/classes "$SNAP/classes"
cp -r target/test-classes "$SNAP/test-classes"
CP="$SNAP/classes:$SNAP/test-classes:$(cat target/bench-classpath.txt)"
bench() {
  java -Xmx2g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$CP" \
    -Dlogback.configurationFile="$BENCH_DIR/logback-bench.xml" \
    cn.ecolaw.platform.documents.DocumentBench "$@" 2>&1 | grep -E '^(\||warm|first|cold|documents=)' || true
}
echo "# documents-bench $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $(java -version 2>&1 | head -1);" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
case " $PARTS " in *" warm "*) bench warm "$ROUNDS" ;; esac
case " $PARTS " in *" first "*)
  for i in $(seq 1 "$FIRST_RUNS"); do
    if (( i % 2 )); then bench first before; bench first after; else bench first after; bench first before; fi
  done ;;
esac
case " $PARTS " in *" cold "*)
  for i in $(seq 1 "$FIRST_RUNS"); do
    if (( i % 2 )); then bench cold before; bench cold after; else bench cold after; bench cold before; fi
  done ;;
esac
case " $PARTS " in *" throughput "*) bench throughput "$COUNT" "$THREADS" ;; esac
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
