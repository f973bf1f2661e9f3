#!/usr/bin/env bash
# Bring the whole platform up on embedded defaults: SQLite in var/, Redis on localhost, the Docker sandbox,
# a Celery worker and the lost-work sweeper (celery beat), each started again if it dies, and the web server
# on http://127.0.0.1:8000.
# Ctrl-C stops all of it.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

ensure_venv base
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
ensure_redis
ensure_engine
export PYTHONPATH="$ROOT/platform:$ROOT"
"$VENV/bin/python" manage.py migrate --noinput -v0 || die "migrate failed"
"$VENV/bin/python" manage.py sync_problems || log "some problem packages have errors (listed above); the rest are live"
"$VENV/bin/python" manage.py demo_admin

pids=()
cleanup() { log "stopping"; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; }
trap cleanup EXIT INT TERM
# The worker and the lost-work sweeper (celery beat) each run in their own process, started again if they die.
"$ROOT/scripts/supervise.sh" worker "$VENV/bin/celery" -A torchjudge worker -Q cpu,gpu \
  --concurrency "${TJ_WORKERS:-1}" -l info >"$ROOT/var/worker.log" 2>&1 &
pids+=($!)
"$ROOT/scripts/supervise.sh" sweeper "$VENV/bin/celery" -A torchjudge beat -l info \
  --schedule "$ROOT/var/celerybeat-schedule" >"$ROOT/var/beat.log" 2>&1 &
pids+=($!)
log "worker and sweeper started (logs: var/worker.log, var/beat.log; state: manage.py pool_status)"
log "serving http://127.0.0.1:8000 (Ctrl-C stops everything)"
"$VENV/bin/python" manage.py runserver --noreload 127.0.0.1:8000 &
pids+=($!)
wait -n "${pids[@]}"
