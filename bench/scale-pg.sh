#!/usr/bin/env bash
# The PostgreSQL cluster of the Tasklist-at-scale benchmark (bench/scale-data.sh, bench/tasklist-scale-bench.sh).
# Unlike scripts/pg-test-server.sh the data is KEPT between runs: generating a million cases takes long.
#   bash bench/scale-pg.sh start   # starts the cluster (creates it on first use) on 127.0.0.1:${PGPORT:-55453}
#   bash bench/scale-pg.sh stop    # stops it, keeps the data
#   bash bench/scale-pg.sh drop    # stops it and deletes the data
#   bash bench/scale-pg.sh env     # POSTGRES_* export lines for the app
#   bash bench/scale-pg.sh psql [ARGS]  # psql as the platform's user
# Data in ${SCALE_PG_DIR:-/var/tmp/ecocase-scale-$PGPORT}. Slow statements (>= ${SLOW_MS:-50} ms) are logged with
# their plans (auto_explain, ANALYZE + BUFFERS) to $SCALE_PG_DIR/server.log.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=scale-pg
. scripts/lib/common.sh

PG_MAJOR="${PG_MAJOR:-15}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}"
PGPORT="${PGPORT:-55453}"
PG_DB=caseplatform
PG_USER=caseplatform
PG_PASSWORD=caseplatform
BASE_DIR="${SCALE_PG_DIR:-/var/tmp/ecocase-scale-$PGPORT}"
DATA_DIR="$BASE_DIR/data"
SOCKET_DIR="$BASE_DIR/socket"
LOG_FILE="$BASE_DIR/server.log"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$PG_DB"

pg() { as_service_user "$PG_BIN/$1" "${@:2}"; }
running() { [ -f "$DATA_DIR/postmaster.pid" ] && pg pg_ctl -D "$DATA_DIR" status >/dev/null 2>&1; }

create() {
  ensure_service_user
  service_dir "$BASE_DIR"
  service_dir "$SOCKET_DIR"
  local pwfile="$BASE_DIR/superuser.pw"
  echo "$PG_PASSWORD" >"$pwfile"
  if is_root; then chown "$SERVICE_USER:" "$pwfile"; fi
  pg initdb -D "$DATA_DIR" --username=postgres --pwfile="$pwfile" --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$BASE_DIR/initdb.log" 2>&1 \
    || { cat "$BASE_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  # Bench settings: local only; bulk loading without durability; memory as a small production server would
  # give (the machine is shared); plans of slow statements in the log.
  as_service_user tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<CONF

# --- eco-case scale benchmark cluster ---
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$SOCKET_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
checkpoint_timeout = 30min
max_parallel_workers_per_gather = 1
timezone = 'Asia/Shanghai'
log_timezone = 'Asia/Shanghai'
shared_preload_libraries = 'auto_explain'
auto_explain.log_min_duration = '${SLOW_MS:-50}ms'
auto_explain.log_analyze = on
auto_explain.log_buffers = on
auto_explain.log_timing = off
log_min_duration_statement = ${SLOW_MS:-50}
CONF
  pg pg_ctl -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 start >/dev/null \
    || { tail -n 30 "$LOG_FILE" >&2 || true; die "PostgreSQL did not start"; }
  pg psql -v ON_ERROR_STOP=1 -q -h "$SOCKET_DIR" -p "$PGPORT" -U postgres -d postgres <<SQL
CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
CREATE DATABASE $PG_DB OWNER $PG_USER ENCODING 'UTF8' TEMPLATE template0;
SQL
  log "created PostgreSQL $PG_MAJOR cluster in $DATA_DIR"
}

start() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL $PG_MAJOR not found in $PG_BIN: run 'bash scripts/setup.sh'"
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    port_in_use "$PGPORT" && die "port $PGPORT is taken by another process: set PGPORT to a free port"
    create
  elif ! running; then
    port_in_use "$PGPORT" && die "port $PGPORT is taken by another process: set PGPORT to a free port"
    pg pg_ctl -D "$DATA_DIR" -l "$LOG_FILE" -w -t 120 start >/dev/null \
      || { tail -n 30 "$LOG_FILE" >&2 || true; die "PostgreSQL did not start"; }
  fi
  wait_until 60 "database $PG_DB" \
    env PGPASSWORD="$PG_PASSWORD" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -d "$PG_DB" -U "$PG_USER"
  log "PostgreSQL $PG_MAJOR ready on 127.0.0.1:$PGPORT (data kept in $DATA_DIR)"
}

stop() {
  if [ -d "$DATA_DIR" ] && running; then
    pg pg_ctl -D "$DATA_DIR" -m fast -w -t 120 stop >/dev/null
    log "stopped PostgreSQL on port $PGPORT (data kept in $DATA_DIR)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  drop) stop; rm -rf "$BASE_DIR"; log "deleted $BASE_DIR" ;;
  env)
    echo "export POSTGRES_URL=$JDBC_URL"
    echo "export POSTGRES_USER=$PG_USER"
    echo "export POSTGRES_PASSWORD=$PG_PASSWORD" ;;
  psql) shift; PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$PG_USER" -d "$PG_DB" "$@" ;;
  log) echo "$LOG_FILE" ;;
  *) die "usage: scale-pg.sh start|stop|drop|env|psql [ARGS]|log" ;;
esac
