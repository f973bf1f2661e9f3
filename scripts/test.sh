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
log "validate_problems: every reference, accepted variant and known-wrong solution, under 3 salts, through the real sandbox"
"$VENV/bin/python" manage.py validate_problems --jobs 2 --salts 3 || die "validate_problems failed"
log "pytest (database: ${DATABASE_URL%%:*}, sandbox: $TJ_SANDBOX_IMAGE)"
"$VENV/bin/python" -m pytest "$@"
