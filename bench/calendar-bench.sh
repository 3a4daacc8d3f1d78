#!/usr/bin/env bash
# Times 1,000,000 WorkingDayCalendar.addWorkingDays calls per round (plain Java, no JMH).
# Usage: bench/calendar-bench.sh [warmupRounds] [timedRounds]     (MVN_FLAGS=-o for an offline build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/app/target/bench"
mkdir -p "$OUT"

cd "$ROOT/app"
mvn -q -B ${MVN_FLAGS:-} compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt"
CP="$ROOT/app/target/classes:$(cat "$OUT/classpath.txt")"

javac -d "$OUT" -cp "$CP" "$ROOT/bench/CalendarBench.java"
java -Xms256m -Xmx256m -cp "$OUT:$CP" CalendarBench "$@"
