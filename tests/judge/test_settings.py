"""Settings from the environment: production values pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_check_deploy_is_clean_with_production_settings():
    done = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0", SECRET_KEY=secrets.token_urlsafe(64),
                  ALLOWED_HOSTS="judge.example.org", EMAIL_HOST="smtp.example.org")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_development_defaults_are_flagged_by_check_deploy():
    done = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="1")
    assert done.returncode != 0 and "security.W018" in done.stderr  # DEBUG=True in deployment


def test_password_reset_mail_needs_smtp_in_production():
    """Without EMAIL_HOST, reset mail goes to the console: fine locally, flagged by the deployment check."""
    done = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0",
                  SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="judge.example.org", EMAIL_HOST="")
    assert done.returncode != 0 and "mail.E001" in done.stderr


def test_sites_on_two_databases_never_share_cache_entries():
    """Cached pages hold one database's rows: the up command's site and the test suite may share a Redis."""
    def prefix(database_url: str) -> str:
        code = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"
        done = manage("shell", "-c", code, DATABASE_URL=database_url)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    sqlite, postgres = prefix("sqlite:////tmp/site-a.sqlite3"), prefix("postgres://u:p@127.0.0.1:5432/judge")
    assert len({sqlite, postgres, prefix("postgres://u:p@127.0.0.1:5432/judge_b")}) == 3
    assert prefix("postgres://u:p@127.0.0.1:5432/judge") == postgres  # every process of one site agrees
