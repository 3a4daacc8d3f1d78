#!/usr/bin/env bash
# THE run command: builds the platform and runs it on its embedded H2 database (./data), port 8080, with a local
# Elasticsearch for case search (scripts/es-test-server.sh, data under ./data/elasticsearch, port ${ES_PORT:-9200}),
# stopped again when the platform exits.
#   bash scripts/run.sh                       # http://localhost:8080/camunda/app/tasklist/
#   bash scripts/run.sh --server.port=18080   # extra arguments go to the application
#   bash scripts/run.sh --platform.search.url=https://es.example:9200 --platform.search.username=... \
#        --platform.search.password=... --platform.search.ca-certificate=/path/ca.crt
#                                             # an existing cluster instead (no local node is started;
#                                             # PLATFORM_SEARCH_URL etc. in the environment work too)
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=run
. scripts/lib/common.sh

bash scripts/setup.sh run
log "building (mvn -DskipTests install) ..."
mvn -B -ntp -q -DskipTests install

jar="$(ls app/target/eco-case-app-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)"
[ -n "$jar" ] || die "no application jar in app/target"

port=8080
search_url="${PLATFORM_SEARCH_URL:-}"
for arg in "$@"; do
  case "$arg" in
    --server.port=*) port="${arg#--server.port=}" ;;
    --platform.search.url=*) search_url="${arg#--platform.search.url=}" ;;
  esac
done

extra=()
if [ -z "$search_url" ]; then
  # a local node for search, its data kept under ./data/elasticsearch between runs
  export ES_PORT="${ES_PORT:-9200}" ECOCASE_ES_DIR="$PWD/data/elasticsearch" ES_KEEP_DATA=1
  mkdir -p data
  if is_root; then ensure_service_user; chown "$SERVICE_USER:" data/elasticsearch 2>/dev/null || true; fi
  if bash scripts/es-test-server.sh status; then
    log "Elasticsearch already answers on port $ES_PORT: using it"
  else
    bash scripts/es-test-server.sh start >/dev/null
    trap 'bash scripts/es-test-server.sh stop || true' EXIT
  fi
  extra+=("--platform.search.url=http://127.0.0.1:$ES_PORT")
fi

log "starting $jar — Tasklist: http://localhost:$port/camunda/app/tasklist/ (Ctrl+C stops)"
java -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -jar "$jar" "${extra[@]}" "$@"
