#!/usr/bin/env bash
# A local single-node Elasticsearch 8.19 for the integration tests and the run command.
#   bash scripts/es-test-server.sh start     # fresh node on 127.0.0.1:${ES_PORT:-9200}, prints its URL
#   bash scripts/es-test-server.sh stop      # stops it and deletes its data (unless ES_KEEP_DATA=1)
#   bash scripts/es-test-server.sh env       # prints the ELASTICSEARCH_URL line for the tests (export line)
#   bash scripts/es-test-server.sh kill      # stops the node at once, keeps its data (the "ES is down" of a test)
#   bash scripts/es-test-server.sh resume    # starts the node again on its kept data
#   bash scripts/es-test-server.sh status    # exit code 0 when the node answers
#
# The server is Maven Central's org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.7:zip (fetched
# once into ~/.m2 with 'mvn dependency:get', unpacked once under $ES_HOME_ROOT). It has the server's built-in
# analysis only (standard, whitespace, keyword ... no analysis-common, no cjk/smartcn): the platform cuts Chinese
# into bigrams in Java (search.ChineseTokens). Security is off: HTTP on the loopback only.
# Elasticsearch refuses to run as root: as root the node belongs to the unprivileged user "ecocase".
# Settings: ES_PORT (http, default 9200), ES_TRANSPORT_PORT (default ES_PORT+100), ES_HEAP (default 512m),
# ECOCASE_ES_DIR (the node's directory: config, data, logs; default /tmp/ecocase-es-$ES_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=es-test-server
. scripts/lib/common.sh

ES_VERSION="${ES_VERSION:-8.19.7}"
ES_PORT="${ES_PORT:-9200}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-$((ES_PORT + 100))}"
ES_HEAP="${ES_HEAP:-512m}"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
ES_ZIP="$M2_REPO/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
# readable by the service user: not under /root
ES_HOME_ROOT="${ES_HOME_ROOT:-/var/tmp/ecocase-elasticsearch}"
ES_HOME="$ES_HOME_ROOT/elasticsearch-$ES_VERSION"
BASE_DIR="${ECOCASE_ES_DIR:-${TMPDIR:-/tmp}/ecocase-es-$ES_PORT}"
URL="http://127.0.0.1:$ES_PORT"
JAVA_HOME_FOR_ES="${ES_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

answering() { curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

pid_of_node() {
  [ -f "$BASE_DIR/es.pid" ] || return 1
  local pid; pid="$(cat "$BASE_DIR/es.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  if [ ! -f "$ES_ZIP" ]; then
    log "fetching Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central ..."
    mvn -B -q -ntp dependency:get \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" >&2 \
      || die "could not fetch org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
  fi
  command -v unzip >/dev/null || die "unzip is missing: run 'bash scripts/setup.sh'"
  mkdir -p "$ES_HOME_ROOT"
  local tmp; tmp="$(mktemp -d "$ES_HOME_ROOT/unpack.XXXXXX")"
  unzip -q "$ES_ZIP" -d "$tmp"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME" 2>/dev/null || true # another run may have won the race
  rm -rf "$tmp"
  chmod -R a+rX "$ES_HOME_ROOT"
  log "unpacked Elasticsearch $ES_VERSION into $ES_HOME"
}

launch() {
  as_service_user env ES_JAVA_HOME="$JAVA_HOME_FOR_ES" ES_PATH_CONF="$BASE_DIR/config" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP -XX:-HeapDumpOnOutOfMemoryError" \
    "$ES_HOME/bin/elasticsearch" -d -p "$BASE_DIR/es.pid" >>"$BASE_DIR/launch.log" 2>&1 \
    || { tail -n 40 "$BASE_DIR/logs/"*.log 2>/dev/null >&2 || tail -n 40 "$BASE_DIR/launch.log" >&2; die "Elasticsearch did not start"; }
  wait_until 120 "Elasticsearch on port $ES_PORT" answering
}

halt() {
  local pid
  if pid="$(pid_of_node)"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped Elasticsearch on port $ES_PORT"
  fi
}

stop() {
  halt
  if [ "${ES_KEEP_DATA:-0}" != 1 ]; then rm -rf "$BASE_DIR"; fi
}

start() {
  install
  if [ "${ES_KEEP_DATA:-0}" != 1 ]; then stop; else halt; fi # every test run starts empty
  port_in_use "$ES_PORT" && die "port $ES_PORT is taken by another process: set ES_PORT to a free port"
  port_in_use "$ES_TRANSPORT_PORT" && die "port $ES_TRANSPORT_PORT is taken: set ES_TRANSPORT_PORT to a free port"
  ensure_service_user
  mkdir -p "$BASE_DIR"
  if is_root; then chown "$SERVICE_USER:" "$BASE_DIR"; fi
  chmod 700 "$BASE_DIR"
  if [ ! -d "$BASE_DIR/config" ]; then
    as_service_user cp -r "$ES_HOME/config" "$BASE_DIR/config"
    as_service_user tee "$BASE_DIR/config/elasticsearch.yml" >/dev/null <<YML
# --- eco-case local node (scripts/es-test-server.sh) ---
cluster.name: ecocase-$ES_PORT
node.name: ecocase-node
path.data: $BASE_DIR/data
path.logs: $BASE_DIR/logs
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
action.destructive_requires_name: false
# a small test machine: no disk watermarks blocking writes
cluster.routing.allocation.disk.threshold_enabled: false
YML
  fi
  launch
  log "Elasticsearch $ES_VERSION ready on $URL (node dir $BASE_DIR, OS user $(service_user))"
  echo "$URL"
}

resume() {
  [ -d "$BASE_DIR/config" ] || die "no node directory $BASE_DIR to resume: use 'start'"
  pid_of_node >/dev/null && { log "Elasticsearch on port $ES_PORT already runs"; return 0; }
  launch
  log "Elasticsearch on port $ES_PORT is up again"
}

kill_node() {
  local pid
  pid="$(pid_of_node)" || { log "no Elasticsearch runs on port $ES_PORT"; return 0; }
  kill -9 "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  log "killed Elasticsearch on port $ES_PORT (data kept in $BASE_DIR)"
}

env_lines() {
  echo "export ELASTICSEARCH_URL=$URL"
  echo "export ES_PORT=$ES_PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) env_lines ;;
  kill) kill_node ;;
  resume) resume ;;
  status) answering ;;
  install) install ;;
  *) die "usage: es-test-server.sh start|stop|env|kill|resume|status|install" ;;
esac
