#!/usr/bin/env bash
# Whole enforcement cases on PostgreSQL: the platform against a bare Camunda 7.24 running the same BPMN with no-op
# delegates, side by side in one run (issue 14, benchmark 1). A throwaway PostgreSQL (scripts/pg-test-server.sh on
# $PGPORT) holds two databases: caseplatform (the platform, profile postgres, job executor on) and barecamunda (the
# bare engine, cn.ecolaw.bench.bare.BareCamundaApp). Cases are driven through /engine-rest as the Tasklist does, by
# CLIENTS concurrent clerks; half end PAID, half COURT_ENFORCEMENT. Rounds alternate bare / platform.
# Usage: bench/case-flow-pg-bench.sh [cases-per-round=16] [clients=4] [rounds=3]
#   full size: bench/case-flow-pg-bench.sh 100 4 5
# Environment: PGPORT (55452), APP_PORT (18452), MVN_FLAGS (e.g. -o), WARMUP (warm-up cases per target, default 4;
# 40 for warm figures), TOP_STATEMENTS (statements listed per target with calls per case, default 40), JFR=1 (records the platform JVM with JFR over
# the measured rounds and prints its hottest frames), PLATFORM_ARGS (the platform's extra arguments, e.g.
# --platform.documents.async=true), BENCH_PLATFORM_JAVA_OPTS /
# BENCH_BARE_JAVA_OPTS (extra JVM options of the servers), BASELINE_ARGS (a third server in the same run: the platform
# with these arguments, default --platform.login-cache.ttl=0; BASELINE_ARGS= leaves it out).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CASES="${1:-16}"
CLIENTS="${2:-4}"
ROUNDS="${3:-3}"
export PGPORT="${PGPORT:-55452}"
APP_PORT="${APP_PORT:-18452}"
MVN_FLAGS="${MVN_FLAGS:-}"
cd "$ROOT/app"
mvn -q -B $MVN_FLAGS test-compile
mvn -q -B $MVN_FLAGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# the servers load classes lazily for the whole run: they run from a copy, so that compiling in the worktree
# meanwhile (another change, a test) cannot swap classes under them
SNAPSHOT="target/bench-classes"
rm -rf "$SNAPSHOT"
mkdir -p "$SNAPSHOT"
cp -r target/classes "$SNAPSHOT/classes"
cp -r target/test-classes "$SNAPSHOT/test-classes"

bash "$ROOT/scripts/pg-test-server.sh" start >/dev/null
trap 'bash "$ROOT/scripts/pg-test-server.sh" stop >/dev/null' EXIT
# count SQL statements per case (pg_stat_statements needs a preloaded library: set it, restart keeping the data)
PGPASSWORD=caseplatform /usr/lib/postgresql/15/bin/psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
  -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
bash "$ROOT/scripts/pg-test-server.sh" restart >/dev/null

PLATFORM_OPTS="${BENCH_PLATFORM_JAVA_OPTS:-}"
LOG_DIR="$ROOT/app/target/bench-logs"
mkdir -p "$LOG_DIR"
JFR_FILE=""
if [ "${JFR:-0}" = 1 ]; then
  rm -f "$LOG_DIR/platform.jfr"
  JFR_FILE="$LOG_DIR/platform.jfr" # recorded over the measured rounds only (jcmd JFR.start / JFR.stop)
fi
# the platform's settings (default: as shipped; PLATFORM_ARGS=--platform.documents.async=true for documents made by
# jobs after the user's commit, engine.AsyncDocumentStepsPlugin)
PLATFORM_ARGS="${PLATFORM_ARGS-}"
# a third server, side by side: the platform without the login cache (BASELINE_ARGS= to leave it out)
BASELINE_ARGS="${BASELINE_ARGS---platform.login-cache.ttl=0}"
echo "machine: $(nproc) cores, $(uptime)"
java -Xmx512m -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
  -cp "$SNAPSHOT/classes:$SNAPSHOT/test-classes:$(cat target/bench-classpath.txt)" \
  -Dlogback.configurationFile="$BENCH_DIR/logback-bench.xml" \
  -Dbench.pgPort="$PGPORT" -Dbench.appPort="$APP_PORT" -Dbench.logDir="$LOG_DIR" \
  -Dbench.platformJavaOpts="$PLATFORM_OPTS" -Dbench.bareJavaOpts="${BENCH_BARE_JAVA_OPTS:-}" \
  -Dbench.platformArgs="$PLATFORM_ARGS" -Dbench.baselineArgs="$BASELINE_ARGS" -Dbench.jfr="$JFR_FILE" -Dbench.warmup="${WARMUP:-4}" \
  -Dbench.topStatements="${TOP_STATEMENTS:-40}" \
  cn.ecolaw.platform.enforcement.CaseFlowPgBench "$CASES" "$CLIENTS" "$ROUNDS"
echo "after: $(uptime)"
if [ "${JFR:-0}" = 1 ] && [ -f "$LOG_DIR/platform.jfr" ]; then
  echo "hottest frames of the platform JVM (jdk.ExecutionSample, top frame / first cn.ecolaw frame):"
  # the whole stack (jfr print shows 5 frames unless told): the first platform frame is often deeper
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$LOG_DIR/platform.jfr" >"$LOG_DIR/samples.txt"
  python3 "$BENCH_DIR/jfr-top.py" "$LOG_DIR/samples.txt"
fi
