#!/usr/bin/env bash
# The whole test suite on real services: PostgreSQL, Redis, the Docker engine with the sandbox image, and
# headless Chromium. Each is installed and started when missing; if one cannot be brought up, this fails.
#
#   scripts/test.sh [pytest args]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

ensure_venv test
export REDIS_URL="${TJ_TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
ensure_redis
if [ -z "${DATABASE_URL:-}" ]; then
  ensure_postgres
  export DATABASE_URL="postgres://torchjudge:torchjudge@127.0.0.1:5432/torchjudge"
fi
ensure_engine
if [ ! -x /usr/bin/chromium ]; then apt_install chromium chromium-driver; fi

log "ruff"
"$VENV/bin/ruff" check . || die "ruff found problems"
validate() {
  log "validate_problems: every reference, accepted variant and known-wrong solution, under 3 salts, through the real sandbox"
  "$VENV/bin/python" manage.py validate_problems --jobs 2 --salts 3
}
log "pytest (database: ${DATABASE_URL%%:*}, sandbox: $TJ_SANDBOX_IMAGE)"
if [ $# -gt 0 ]; then  # a chosen part of the suite, after the validation
  validate || die "validate_problems failed"
  exec "$VENV/bin/python" -m pytest "$@"
fi
# The whole suite. Validation keeps two thirds of two cores busy (its sandboxes wait on one another), so the
# tests that need no sandbox (pages, API, units: PostgreSQL and Redis only) run beside it; their report
# follows the validation's. Then the tests on the real sandbox, workers and browser run on their own.
mkdir -p "$ROOT/var"
quick_log="$ROOT/var/pytest-no-sandbox.log"
"$VENV/bin/python" -m pytest -m "not integration and not e2e" >"$quick_log" 2>&1 &
quick=$!
validate || { kill "$quick" 2>/dev/null; die "validate_problems failed"; }
quick_status=0
wait "$quick" || quick_status=$?
cat "$quick_log"
[ "$quick_status" -eq 0 ] || die "the tests that need no sandbox failed (exit $quick_status)"
"$VENV/bin/python" -m pytest -m "integration or e2e"
