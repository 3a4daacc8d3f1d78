#!/usr/bin/env bash
# p50/p95 of the Tasklist's own REST calls (filter list with counts; each demo filter's list of 15 with the list's
# variables, and its count, as officer1, legal1, head1, filing1, judge1, exec1; a task, its form variables and form),
# of the case page's /api calls (case, timeline, documents, trail, checks; a generated open and a generated finished
# case) and of the case list (/api/workspace/cases with its filters and search, as officer1 and judge1), against the
# PostgreSQL that bench/scale-data.sh filled (run that first).
#   bash bench/tasklist-scale-bench.sh [samples=20]
# BASELINE_REF=<git commit> (e.g. b8a4f01, the commit before this work) measures that commit's app first, on the same
# data without this work's indexes (dropped, then re-created by the current app's migrations), then the current app,
# and prints both side by side with the ratio. BASELINE_JAR=<jar> instead of building it. BASELINE_DROP=v260 drops only
# the Tasklist-counts indexes (V260) for the baseline (a baseline with the earlier V180-V183 work, e.g. 65f2e13).
# Environment: PGPORT (55453), APP_PORT (18453), MVN_FLAGS (-o), USERS (the Tasklist users, comma-separated; '-' for
# none: case page and case list only), SKIP_CURRENT=1 (the baseline only), BASELINE_KEEP_SCHEMA=1 (the baseline runs
# with the indexes and statistics in place: for a baseline that has them itself, e.g. 65f2e13).
# Statements slower than 50 ms are logged with their plans (auto_explain, ANALYZE + BUFFERS) to the cluster's
# server.log; each run's part is copied to app/target/tasklist-scale-slow-<label>.log.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SAMPLES="${1:-20}"
USERS="${USERS:-officer1,legal1,head1,filing1,judge1,exec1}" # the Tasklist filters' users
export PGPORT="${PGPORT:-55453}"
APP_PORT="${APP_PORT:-18453}"
MVN_FLAGS="${MVN_FLAGS:--o}"
PSQL=(bash "$BENCH_DIR/scale-pg.sh" psql)
OUT="$ROOT/app/target"
log() { printf '[tasklist-scale-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

bash "$BENCH_DIR/scale-pg.sh" start
eval "$(bash "$BENCH_DIR/scale-pg.sh" env)"
[ "$("${PSQL[@]}" -At -c "select count(*) from information_schema.tables where table_name = 'scale_run'")" = 1 ] \
  || { log "no generated data: run bench/scale-data.sh first"; exit 1; }
log "building the app"
(cd "$ROOT" && mvn -q -B $MVN_FLAGS package -DskipTests)
JAR="$ROOT/app/target/eco-case-app-0.1.0-SNAPSHOT.jar"
mkdir -p "$OUT"
cp "$JAR" "$OUT/tasklist-scale-current.jar" # the bench runs a copy: a build during the run cannot disturb it
if [ -n "${BASELINE_REF:-}" ] && [ -z "${BASELINE_JAR:-}" ]; then
  SRC="${TMPDIR:-/tmp}/ecocase-baseline-$BASELINE_REF"
  if [ ! -f "$SRC/app/target/eco-case-app-0.1.0-SNAPSHOT.jar" ]; then
    log "building the baseline $BASELINE_REF"
    rm -rf "$SRC" && mkdir -p "$SRC"
    git -C "$ROOT" archive "$BASELINE_REF" | tar -x -C "$SRC"
    (cd "$SRC" && mvn -q -B $MVN_FLAGS package -DskipTests)
  fi
  BASELINE_JAR="$SRC/app/target/eco-case-app-0.1.0-SNAPSHOT.jar"
fi
APP_DIR="${TMPDIR:-/tmp}/ecocase-scale-app-$APP_PORT"
mkdir -p "$APP_DIR"
OPEN_CASE="$("${PSQL[@]}" -At -c "select case_no from case_file where case_no like '湖环罚〔2026〕1_____号' and status <> 'CLOSED' order by case_no limit 1 offset 7")"
FINISHED_CASE="$("${PSQL[@]}" -At -c "select case_no from case_file where case_no like '湖环罚〔2025〕%' order by case_no limit 1 offset 11")"
LOG_FILE="$(bash "$BENCH_DIR/scale-pg.sh" log)"

APP_PID=
stop_app() { [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }; }
trap stop_app EXIT

run() { # run LABEL JAR
  local label="$1" jar="$2"
  (cd "$APP_DIR" && exec java -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -jar "$jar" \
    --spring.profiles.active=postgres --server.port="$APP_PORT" --platform.demo.enabled=false >"$APP_DIR/$label.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 900); do
    grep -q "Started CasePlatformApplication" "$APP_DIR/$label.log" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$APP_DIR/$label.log" >&2; log "the app did not start"; exit 1; }
    sleep 1
  done
  grep -q "Started CasePlatformApplication" "$APP_DIR/$label.log" || { log "the app did not start in 900 s"; exit 1; }
  log "$label: $(grep -o 'Started CasePlatformApplication in [0-9.]* seconds' "$APP_DIR/$label.log")"
  local start; start="$(stat -c %s "$LOG_FILE")"
  echo "== $label ($jar) =="
  echo "machine: $(nproc) cores, $(uptime)"
  java -Dfile.encoding=UTF-8 "$BENCH_DIR/scale/TasklistScaleBench.java" "http://127.0.0.1:$APP_PORT" "$SAMPLES" \
    "$OPEN_CASE" "$FINISHED_CASE" "$USERS" | tee "$OUT/tasklist-scale-$label.txt"
  echo "after: $(uptime)"
  tail -c +"$((start + 1))" "$LOG_FILE" >"$OUT/tasklist-scale-slow-$label.log" || true
  log "$label: slow statements with plans in app/target/tasklist-scale-slow-$label.log ($(grep -c 'duration:' "$OUT/tasklist-scale-slow-$label.log" || true))"
  stop_app
}

"${PSQL[@]}" -At -F ' ' -c "select 'data:', (select count(*) from act_ru_task) || ' open tasks,', (select count(*) from case_file) || ' cases,',
  (select count(*) from act_hi_procinst) || ' process instances,', (select count(*) from act_hi_varinst) || ' historic variables,',
  (select count(*) from act_hi_detail) || ' historic details,', pg_size_pretty(pg_database_size(current_database()))"
echo "cases measured: open $OPEN_CASE, finished $FINISHED_CASE; $SAMPLES samples per call"
if [ -n "${BASELINE_JAR:-}" ] && [ "${BASELINE_KEEP_SCHEMA:-0}" = 1 ]; then
  log "baseline: with the indexes and statistics in place (BASELINE_KEEP_SCHEMA=1)"
  run baseline "$BASELINE_JAR"
elif [ -n "${BASELINE_JAR:-}" ]; then
  log "baseline: without this work's indexes (the current app re-creates them)"
  # the Tasklist-counts work's grant indexes (V260) always; the earlier scale work's (V180-V183) unless
  # BASELINE_DROP=v260 (a baseline that has them already, e.g. main at 65f2e13)
  "${PSQL[@]}" -c "drop index if exists eco_idx_auth_group_grant; drop index if exists eco_idx_auth_user_grant;
    do \$\$ begin if to_regclass('app_engine_schema_history') is not null then delete from app_engine_schema_history where version in ('260'); end if; end \$\$;
    analyze act_ru_authorization;"
  [ "${BASELINE_DROP:-all}" = v260 ] || "${PSQL[@]}" -c "drop index if exists eco_idx_hi_varinst_case_no; drop index if exists idx_case_file_created;
    drop index if exists idx_audit_entry_pi;
    drop statistics if exists eco_stat_auth_perm_read, eco_stat_auth_perm_read_task, eco_stat_auth_perm_read_instance,
      eco_stat_auth_perm_read_history, eco_stat_auth_scope;
    delete from app_schema_history where version in ('180', '182');
    do \$\$ begin if to_regclass('app_engine_schema_history') is not null then delete from app_engine_schema_history where version in ('181', '183'); end if; end \$\$;
    analyze act_ru_authorization;"
  run baseline "$BASELINE_JAR"
fi
[ "${SKIP_CURRENT:-0}" = 1 ] || run current "$OUT/tasklist-scale-current.jar"
if [ -n "${BASELINE_JAR:-}" ] && [ "${SKIP_CURRENT:-0}" != 1 ]; then
  echo "== side by side: p50 / p95 ms, baseline -> current (ratio of p95) =="
  awk -F' \\| ' 'FNR == NR && /^RESULT/ && $2 != "call" { b[$2 "|" $3] = $4 " / " $5; bp[$2 "|" $3] = $5; next }
    FNR != NR && /^RESULT/ && $2 != "call" { k = $2 "|" $3; printf "| %s | %s | %s | %s / %s | %s |\n", $2, $3, b[k], $4, $5, ($5 > 0 ? sprintf("%.1f×", bp[k] / $5) : "-") }' \
    "$OUT/tasklist-scale-baseline.txt" "$OUT/tasklist-scale-current.txt" | tee "$OUT/tasklist-scale-side-by-side.md"
fi
