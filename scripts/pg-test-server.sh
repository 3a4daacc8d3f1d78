#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests.
#   bash scripts/pg-test-server.sh start   # fresh cluster on 127.0.0.1:${PGPORT:-55432}, prints the JDBC URL
#   bash scripts/pg-test-server.sh stop    # stops it and deletes its data
#   bash scripts/pg-test-server.sh env     # prints the POSTGRES_* variables for the tests (export lines)
#   bash scripts/pg-test-server.sh restart [SECONDS_DOWN]
#                                          # stops the running cluster (fast: open connections are cut), keeps
#                                          # its data, waits SECONDS_DOWN (default 0) and starts it again
#                                          # (faults/PostgresRestartIT calls this in the middle of a run)
# PostgreSQL refuses to run as root: as root the cluster belongs to the unprivileged user "ecocase".
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=pg-test-server
. scripts/lib/common.sh

PG_MAJOR="${PG_MAJOR:-15}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}"
PGPORT="${PGPORT:-55432}"
PG_DB=caseplatform
PG_USER=caseplatform
PG_PASSWORD=caseplatform
BASE_DIR="${ECOCASE_PG_DIR:-${TMPDIR:-/tmp}/ecocase-pg-$PGPORT}"
DATA_DIR="$BASE_DIR/data"
SOCKET_DIR="$BASE_DIR/socket"
LOG_FILE="$BASE_DIR/server.log"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$PG_DB"

pg() { as_service_user "$PG_BIN/$1" "${@:2}"; }

running() { [ -f "$DATA_DIR/postmaster.pid" ] && pg pg_ctl -D "$DATA_DIR" status >/dev/null 2>&1; }

stop() {
  if [ -d "$DATA_DIR" ] && running; then
    pg pg_ctl -D "$DATA_DIR" -m immediate -w stop >/dev/null
    log "stopped PostgreSQL on port $PGPORT"
  fi
  rm -rf "$BASE_DIR"
}

start() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL $PG_MAJOR not found in $PG_BIN: run 'bash scripts/setup.sh'"
  stop # a leftover cluster of an interrupted run is thrown away: every run starts empty
  port_in_use "$PGPORT" && die "port $PGPORT is taken by another process: set PGPORT to a free port"

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
  # Test settings: local only, no durability (the data is thrown away), timestamps in China time.
  as_service_user tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<CONF

# --- eco-case test cluster ---
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$SOCKET_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
timezone = 'Asia/Shanghai'
log_timezone = 'Asia/Shanghai'
CONF

  pg pg_ctl -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 start >/dev/null \
    || { tail -n 30 "$LOG_FILE" >&2 || true; die "PostgreSQL did not start"; }
  wait_until 60 "PostgreSQL on port $PGPORT" pg pg_isready -q -h 127.0.0.1 -p "$PGPORT"

  # CREATEDB: cluster/TwoNodesIT runs its two nodes on a database of its own (no other test's job executor in it)
  pg psql -v ON_ERROR_STOP=1 -q -h "$SOCKET_DIR" -p "$PGPORT" -U postgres -d postgres <<SQL
CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
CREATE DATABASE $PG_DB OWNER $PG_USER ENCODING 'UTF8' TEMPLATE template0;
SQL
  wait_until 30 "database $PG_DB" \
    env PGPASSWORD="$PG_PASSWORD" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -d "$PG_DB" -U "$PG_USER"
  log "PostgreSQL $PG_MAJOR ready on 127.0.0.1:$PGPORT (data $DATA_DIR, OS user $(service_user))"
  echo "$JDBC_URL"
}

restart() {
  local down="${1:-0}"
  [[ "$down" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "restart: SECONDS_DOWN must be a number, got '$down'"
  [ -d "$DATA_DIR" ] && running || die "no running PostgreSQL on port $PGPORT to restart (data $DATA_DIR)"
  pg pg_ctl -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null || die "PostgreSQL did not stop"
  log "stopped PostgreSQL on port $PGPORT (data kept); down for ${down}s"
  sleep "$down"
  pg pg_ctl -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 start >/dev/null \
    || { tail -n 30 "$LOG_FILE" >&2 || true; die "PostgreSQL did not start again"; }
  wait_until 60 "database $PG_DB" \
    env PGPASSWORD="$PG_PASSWORD" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -d "$PG_DB" -U "$PG_USER"
  log "PostgreSQL on port $PGPORT is up again"
}

env_lines() {
  echo "export POSTGRES_URL=$JDBC_URL"
  echo "export POSTGRES_USER=$PG_USER"
  echo "export POSTGRES_PASSWORD=$PG_PASSWORD"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) env_lines ;;
  restart) restart "${2:-0}" ;;
  *) die "usage: pg-test-server.sh start|stop|env|restart [SECONDS_DOWN]" ;;
esac
