#!/usr/bin/env bash
# Bring the whole platform up on embedded defaults: SQLite in var/, Redis on localhost, the Docker sandbox,
# a Celery worker and the lost-work sweeper (celery beat), each started again if it dies, and the web server
# (gunicorn, DEBUG=0; DEBUG=1 for Django's development server and debug pages) on http://127.0.0.1:8000.
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
if [ "${DEBUG:-0}" = "1" ]; then  # explicit opt-in: Django's development server, with its debug pages
  log "serving http://127.0.0.1:8000 with DEBUG=1, development server (Ctrl-C stops everything)"
  "$VENV/bin/python" manage.py runserver --noreload 127.0.0.1:8000 &
else  # production server and settings; plain http on localhost, so no https-only cookies or redirects
  # One more sync worker than cores: the views are CPU-bound (database and Redis answer in well under a
  # millisecond), and on 2 cores 2 x cores + 1 = 5 workers served the problem page 25 % slower at 50 clients.
  web_workers="${TJ_WEB_WORKERS:-$(( $(nproc) + 1 ))}"
  log "serving http://127.0.0.1:8000 with gunicorn, $web_workers workers (Ctrl-C stops everything)"
  DEBUG=0 SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 "$VENV/bin/gunicorn" \
    --chdir "$ROOT/platform" torchjudge.wsgi --bind 127.0.0.1:8000 --workers "$web_workers" &
fi
pids+=($!)
wait -n "${pids[@]}"
