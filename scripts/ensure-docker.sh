#!/usr/bin/env bash
# Make sure a Docker engine answers. Does nothing when one already does.
# Otherwise, as root on Debian/Ubuntu: installs Debian's docker.io and starts dockerd with no
# bridge (host networking only: test traffic stays on 127.0.0.1) and waits for it.
set -euo pipefail

log() { printf 'ensure-docker: %s\n' "$*" >&2; }

if docker info >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  log "no Docker engine answers and this is not root: start a Docker engine (or run as root on Debian/Ubuntu)."
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  log "no Docker engine answers and apt-get is missing: install and start a Docker engine by hand."
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing Debian's docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi

# A daemon killed without a clean stop (e.g. when a session or CI run ends) leaves its pid
# files behind, and a new dockerd then refuses to start: drop them when no live daemon owns them.
running_as() { # pid name: true when that pid is a live (not zombie) process of that name
  [ -n "$1" ] || return 1
  [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ] || return 1
  [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]
}
for entry in /var/run/docker.pid:dockerd /var/run/docker/containerd/containerd.pid:containerd; do
  pidfile=${entry%%:*}
  if [ -f "$pidfile" ] && ! running_as "$(cat "$pidfile" 2>/dev/null)" "${entry##*:}"; then
    log "removing stale $pidfile"
    rm -f "$pidfile"
  fi
done

log "starting dockerd (no bridge, host networking only)"
mkdir -p /var/log
nohup dockerd --bridge=none --iptables=false --ip6tables=false >/var/log/dockerd.log 2>&1 &
dockerd_pid=$!

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "Docker engine is up"
    exit 0
  fi
  if ! kill -0 "$dockerd_pid" 2>/dev/null; then
    log "dockerd exited; its log:"
    tail -n 20 /var/log/dockerd.log >&2 || true
    exit 1
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/dockerd.log"
tail -n 20 /var/log/dockerd.log >&2 || true
exit 1
