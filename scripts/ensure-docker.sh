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

log "starting dockerd (no bridge, host networking only)"
mkdir -p /var/log
nohup dockerd --bridge=none --iptables=false --ip6tables=false >/var/log/dockerd.log 2>&1 &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "Docker engine is up"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/dockerd.log"
tail -n 20 /var/log/dockerd.log >&2 || true
exit 1
