"""The production server (gunicorn, DEBUG=0, WhiteNoise) serves the static files and the site's own error pages.

Started the way scripts/up.sh starts it, against the test database, and fetched over real HTTP.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import database_url

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(transactional_db) -> Iterator[tuple[str, subprocess.Popen]]:
    from django.db import connection

    port = free_port()
    env = {**os.environ, "DEBUG": "0", "SECURE_COOKIES": "0", "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0",
           "SECRET_KEY": secrets.token_urlsafe(50), "DATABASE_URL": database_url(connection.settings_dict),
           "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}"}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--chdir", str(ROOT / "platform"), "torchjudge.wsgi",
                             "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                requests.get(url + "/static/css/site.css", timeout=10)
                break
            except (requests.ConnectionError, requests.Timeout):  # still starting (slowly, on a busy machine)
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: {proc.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.3)
        yield url, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)


def test_static_files_and_error_pages_with_debug_off(server, problems):
    url, proc = server
    css = requests.get(url + "/static/css/site.css", timeout=10)
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css") and ":root" in css.text
    bundle = requests.get(url + "/static/vendor/editor.bundle.js", timeout=10)
    assert bundle.status_code == 200 and len(bundle.content) > 10_000

    page = requests.get(url + "/problems/stable-softmax/", timeout=10)
    assert page.status_code == 200 and "/static/vendor/editor.bundle.js" in page.text

    missing = requests.get(url + "/problems/stable-softmaxx/", timeout=10)
    assert missing.status_code == 404 and 'data-testid="error-page"' in missing.text
    assert "/static/css/site.css" in missing.text and "Traceback" not in missing.text and "DEBUG" not in missing.text

    api = requests.get(url + "/api/no-such-endpoint/", timeout=10)
    assert api.status_code == 404 and api.headers["Content-Type"] == "application/json"
    assert "detail" in api.json()

    proc.terminate()
    _, log = proc.communicate(timeout=30)
    assert "Warning" not in log.decode()  # what a person starting the site reads: gunicorn's lines, nothing else
