# Shared steps of scripts/up.sh and scripts/test.sh: each makes something ready or fails loudly.
# Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
log() { printf '[torchjudge] %s\n' "$*" >&2; }
die() { printf '[torchjudge] ERROR: %s\n' "$*" >&2; exit 1; }

apt_install() {
  command -v apt-get >/dev/null || die "missing $* and no apt-get to install it: install it by hand"
  if [ -z "${TJ_APT_UPDATED:-}" ]; then apt-get update -qq >&2 || die "apt-get update failed"; TJ_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 || die "apt-get install $* failed"
}

# A Python >= 3.12 (Django 6 needs it): TJ_PYTHON, else the first that runs of python3.12, python3.13,
# python3 and pyenv's installed versions (oldest first: the one the lock file was made with).
is_py312() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

find_python() {
  local candidate
  for candidate in ${TJ_PYTHON:-} python3.12 python3.13 python3 \
      $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -V); do
    if is_py312 "$candidate"; then
      echo "$candidate"
      return
    fi
  done
  die "no Python >= 3.12 found (Django 6 needs it): install one, or point TJ_PYTHON at it"
}

# The Python environment for the site, the worker and the tests (not torch: that lives in the sandbox image).
ensure_venv() {
  local extras="$1" stamp="$VENV/.installed-$1"
  if [ -x "$VENV/bin/python" ] && ! is_py312 "$VENV/bin/python"; then
    log "replacing $VENV: it was made with a Python older than 3.12"
    rm -rf "$VENV"
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    "$(find_python)" -m venv "$VENV" || die "could not create $VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$ROOT/requirements.lock" -nt "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    log "installing Python dependencies (requirements.lock)"
    "$VENV/bin/pip" install -q -r "$ROOT/requirements.lock" >&2 || die "pip install -r requirements.lock failed"
    touch "$stamp"
  fi
}

# Redis: use the one at REDIS_URL, or start a local one (no persistence: the database is the source of truth).
ensure_redis() {
  if "$VENV/bin/python" -c "import redis,sys; redis.Redis.from_url(sys.argv[1]).ping()" "$REDIS_URL" 2>/dev/null; then
    return
  fi
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >&2 || die "redis-server did not start"
  for _ in $(seq 1 20); do
    "$VENV/bin/python" -c "import redis,sys; redis.Redis.from_url(sys.argv[1]).ping()" "$REDIS_URL" 2>/dev/null && return
    sleep 0.5
  done
  die "Redis does not answer at $REDIS_URL"
}

# PostgreSQL: a local cluster with a torchjudge role and database (used by the test suite and CI).
ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] || die "PostgreSQL is installed but has no cluster in /etc/postgresql"
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    log "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start >&2 || die "PostgreSQL did not start"
  fi
  for _ in $(seq 1 20); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
  su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='torchjudge'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"create role torchjudge login createdb password 'torchjudge'\"" >&2 \
    || die "could not create the PostgreSQL role"
  su postgres -c "psql -qAtc \"select 1 from pg_database where datname='torchjudge'\"" | grep -q 1 \
    || su postgres -c "createdb -O torchjudge torchjudge" >&2 || die "could not create the PostgreSQL database"
}

# The Docker engine and the sandbox image (scripts/engine.sh: cached, seconds when up to date).
ensure_engine() {
  local image
  image=$(PATH="$VENV/bin:$PATH" bash "$ROOT/scripts/engine.sh" | tail -1) || die "the grading engine is not ready"
  export TJ_SANDBOX_IMAGE="$image"
}
