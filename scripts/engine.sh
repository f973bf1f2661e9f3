#!/usr/bin/env bash
# Make the grading engine ready on this machine: a Docker engine that answers, a base image, and the
# sandbox image. Every step is skipped when its result is already there, so a second run takes seconds.
#
#   scripts/engine.sh            # prints the sandbox image tag on its last line
#
# Environment:
#   TJ_BASE_IMAGE   base for the sandbox image (default: python:3.11-slim-bookworm, else a local Debian base)
#   TJ_WHEEL_DIRS   space-separated local wheel mirrors to offer the build (default: what pip is configured with)
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[engine] %s\n' "$*" >&2; }
die() { printf '[engine] ERROR: %s\n' "$*" >&2; exit 1; }

# 1. A Docker engine that answers.
if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null 2>&1; then
    command -v apt-get >/dev/null || die "no Docker engine and no apt-get: install Docker and start it"
    log "installing docker.io from Debian"
    apt-get update -qq >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >&2 || die "could not install docker.io"
  fi
  if ! docker info >/dev/null 2>&1; then
    log "starting dockerd (log: /var/log/torchjudge-dockerd.log)"
    # No bridge or iptables: sandboxes run with networking disabled, and this host may lack iptables.
    nohup dockerd --bridge=none --iptables=false >/var/log/torchjudge-dockerd.log 2>&1 &
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || die "dockerd did not start; see /var/log/torchjudge-dockerd.log"
  fi
fi

# 2. A base image: the official one where a registry answers, else a Debian base built here.
base="${TJ_BASE_IMAGE:-}"
if [ -z "$base" ]; then
  if docker image inspect python:3.11-slim-bookworm >/dev/null 2>&1 \
     || timeout 30 docker pull -q python:3.11-slim-bookworm >/dev/null 2>&1; then
    base=python:3.11-slim-bookworm
  else
    base=torchjudge-base:bookworm
    if ! docker image inspect "$base" >/dev/null 2>&1; then
      log "no registry answers: building $base with debootstrap (about 2 minutes)"
      command -v debootstrap >/dev/null || {
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
      } || die "could not install debootstrap"
      root=$(mktemp -d /var/tmp/tj-base.XXXXXX)
      debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$root" >&2 \
        || die "debootstrap failed"
      tar -C "$root" -c . | docker import - "$base" >/dev/null || die "docker import failed"
      rm -rf "$root"
    fi
  fi
fi

# 3. The sandbox image, tagged by the hash of everything that goes into it.
tag=$(python3 -m graders.image_tag)
image="torchjudge-sandbox:$tag"
if docker image inspect "$image" >/dev/null 2>&1; then
  log "sandbox image $image is up to date"
  echo "$image"
  exit 0
fi

# Offer the build the host's local wheel mirrors through a throwaway HTTP server (saves gigabytes).
extra=""
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -f graders/image/ca-certificates.crt; }
trap cleanup EXIT
dirs="${TJ_WHEEL_DIRS:-$(ls -d /opt/pypi-more /opt/pypi 2>/dev/null | tr '\n' ' ')}"
if [ -n "$dirs" ]; then
  # A fixed port: the index URL is a build argument, and a changing one would defeat Docker's layer cache.
  port=38765
  mirror=$(mktemp -d /var/tmp/tj-mirror.XXXXXX)
  i=0
  for d in $dirs; do ln -s "$d" "$mirror/m$i"; extra="$extra http://127.0.0.1:$port/m$i/simple"; i=$((i+1)); done
  if ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$mirror" >/dev/null 2>&1 &
    server_pid=$!
    sleep 1
  fi
fi
cp /etc/ssl/certs/ca-certificates.crt graders/image/ca-certificates.crt 2>/dev/null \
  || : >graders/image/ca-certificates.crt
log "building $image from $base (first build: a few minutes)"
docker build --network host -f graders/image/Dockerfile \
  --build-arg BASE_IMAGE="$base" \
  --build-arg PIP_EXTRA_INDEX_URL="${extra# }" \
  -t "$image" . >&2 || die "docker build failed"
docker tag "$image" torchjudge-sandbox:latest
echo "$image"
