#!/usr/bin/env bash
# THE run command: builds the platform and runs it on its embedded H2 database (./data), port 8080.
#   bash scripts/run.sh                       # http://localhost:8080/camunda/app/tasklist/
#   bash scripts/run.sh --server.port=18080   # extra arguments go to the application
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
for arg in "$@"; do
  case "$arg" in --server.port=*) port="${arg#--server.port=}" ;; esac
done
log "starting $jar — Tasklist: http://localhost:$port/camunda/app/tasklist/ (Ctrl+C stops)"
exec java -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -jar "$jar" "$@"
