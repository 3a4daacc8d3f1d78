# Shared helpers for the project's scripts (sourced, not run).
# Test servers (PostgreSQL now, Elasticsearch later) refuse to run as root: when root, they run as an
# unprivileged system user, created on first use.

SERVICE_USER="${ECOCASE_SERVICE_USER:-ecocase}"

log() { printf '[%s] %s\n' "${LOG_TAG:-ecocase}" "$*" >&2; }
die() { log "错误 / error: $*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# The OS user that runs test servers: the unprivileged service user when root, else whoever runs the script.
service_user() {
  if is_root; then echo "$SERVICE_USER"; else id -un; fi
}

# Creates the unprivileged service user when running as root and it does not exist yet.
ensure_service_user() {
  is_root || return 0
  getent passwd "$SERVICE_USER" >/dev/null && return 0
  log "creating system user $SERVICE_USER for the test servers"
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$SERVICE_USER"
}

# Runs a command as the service user (directly when not root). The working directory is / so that a
# root-only current directory does not bother the server.
as_service_user() {
  if is_root; then
    (cd / && runuser -u "$SERVICE_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# Creates a directory owned by the service user.
service_dir() {
  mkdir -p "$1"
  if is_root; then chown "$SERVICE_USER:" "$1"; fi
  chmod 700 "$1"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_until SECONDS DESCRIPTION COMMAND...: retries COMMAND every half second until it succeeds.
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what not ready after ${timeout}s"
    sleep 0.5
  done
}
