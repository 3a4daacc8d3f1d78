#!/usr/bin/env bash
# Fills the benchmark's PostgreSQL (bench/scale-pg.sh, port ${PGPORT:-55453}, data kept) with open tasks and finished
# cases for the Tasklist-at-scale benchmark (bench/tasklist-scale-bench.sh).
#   bash bench/scale-data.sh [openTasks=100000] [finishedCases=1000000]
# 1. First run only: the app starts once on the empty database (profile postgres with the demo data): Flyway and
#    Camunda create the schema, the demo users, groups, Tasklist filters and the demo cases of every flow, made
#    through the real services (documents, trail, discretion, authorizations).
# 2. Those real cases are the templates: bench/scale/clone.sql copies each case's rows (runtime and history tables
#    of all its process instances, their byte arrays, authorizations and identity links, and the platform's
#    case_file, case_access, case_document, discretion_record, audit_entry, audit_chain_head) N times by
#    INSERT ... SELECT over generate_series, with new ids, case numbers, parties and dates spread over a year.
#    Runs add only what is missing (scale_run records what is there), so growing 10,000 -> 1,000,000 is incremental.
# 3. ANALYZE, then a smoke check: the app opens a generated open case and a generated finished case as officer1.
# Environment: PGPORT (55453), APP_PORT (18453), MVN_FLAGS (-o), SMOKE=0 to skip the smoke check.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OPEN_TASKS="${1:-100000}"
FINISHED="${2:-1000000}"
export PGPORT="${PGPORT:-55453}"
APP_PORT="${APP_PORT:-18453}"
MVN_FLAGS="${MVN_FLAGS:--o}"
PSQL=(bash "$BENCH_DIR/scale-pg.sh" psql)
log() { printf '[scale-data %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

bash "$BENCH_DIR/scale-pg.sh" start
eval "$(bash "$BENCH_DIR/scale-pg.sh" env)"
JAR="$ROOT/app/target/eco-case-app-0.1.0-SNAPSHOT.jar"
if [ ! -f "$JAR" ]; then
  log "building the app"
  (cd "$ROOT" && mvn -q -B $MVN_FLAGS package -DskipTests)
fi
APP_DIR="${TMPDIR:-/tmp}/ecocase-scale-app-$APP_PORT"
mkdir -p "$APP_DIR"

start_app() { # start_app LOGNAME EXTRA_ARGS...
  local name="$1"; shift
  (cd "$APP_DIR" && exec java -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -jar "$JAR" \
    --spring.profiles.active=postgres --server.port="$APP_PORT" "$@" >"$APP_DIR/$name.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 300); do
    grep -q "Started CasePlatformApplication" "$APP_DIR/$name.log" 2>/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$APP_DIR/$name.log" >&2; log "the app did not start"; exit 1; }
    sleep 1
  done
  log "the app did not start within 300 s"; kill "$APP_PID"; exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

count() { "${PSQL[@]}" -At -c "$1"; }

if [ "$(count "select count(*) from information_schema.tables where table_name = 'scale_template'")" = 0 ]; then
  log "first run: the app creates the schema, the demo users and filters and the template cases"
  start_app template --platform.demo.enabled=true
  # the demo loaders run after start; done when the instance count stands still for 15 s
  last=-1; same=0
  while [ "$same" -lt 15 ]; do
    sleep 1
    now="$(count "select count(*) from act_hi_procinst")"
    if [ "$now" = "$last" ] && grep -q "演示案件已创建" "$APP_DIR/template.log"; then same=$((same + 1)); else same=0; fi
    last="$now"
  done
  stop_app
  log "templates: $last process instances made by the app"
fi

"${PSQL[@]}" -f "$BENCH_DIR/scale/clone.sql"
"${PSQL[@]}" -At -c "select 'templates: ' || scale_pick_templates()"
T0=$SECONDS
log "open tasks: up to $OPEN_TASKS"
"${PSQL[@]}" -c "call scale_generate_open($OPEN_TASKS)"
T1=$SECONDS
log "finished cases: up to $FINISHED"
"${PSQL[@]}" -c "call scale_generate_finished($FINISHED)"
T2=$SECONDS
log "ANALYZE"
"${PSQL[@]}" -c "analyze" 2>&1 | grep -v "only superuser can analyze" || true
T3=$SECONDS
log "generation took: open $((T1 - T0)) s, finished $((T2 - T1)) s, analyze $((T3 - T2)) s"
"${PSQL[@]}" -c "select (select count(*) from act_ru_task) as open_tasks, (select count(*) from act_hi_procinst) as instances,
  (select count(*) from act_hi_procinst where end_time_ is not null) as ended, (select count(*) from case_file) as cases,
  (select count(*) from act_hi_varinst) as hi_vars, (select count(*) from act_hi_detail) as hi_details,
  pg_size_pretty(pg_database_size(current_database())) as size"

if [ "${SMOKE:-1}" = 1 ]; then
  log "smoke check: the app opens a generated open case and a generated finished case"
  start_app smoke --platform.demo.enabled=false
  trap stop_app EXIT
  for c in "$(count "select case_no from case_file where case_no like '湖环罚〔2026〕1_____号' and status <> 'CLOSED' limit 1")" \
           "$(count "select case_no from case_file where case_no like '湖环罚〔2025〕%' limit 1")"; do
    [ -n "$c" ] || continue
    enc="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$c")"
    for path in "" /timeline /documents; do
      code="$(curl -s -o /dev/null -w '%{http_code}' -u officer1:officer1 "http://127.0.0.1:$APP_PORT/api/cases/$enc$path")"
      log "GET /api/cases/$c$path -> $code"
      [ "$code" = 200 ] || { log "smoke check failed"; exit 1; }
    done
  done
  log "smoke check passed"
fi
