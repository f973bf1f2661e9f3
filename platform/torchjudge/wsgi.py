"""WSGI entry point (gunicorn torchjudge.wsgi with platform/ on the Python path)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import get_resolver  # noqa: E402

application = get_wsgi_application()
# Import every view now, as the server process starts: Django imports them on the first request, and a
# user whose request was a worker's first waited 0.3-0.5 s for it (once per gunicorn worker).
get_resolver().url_patterns  # noqa: B018 (evaluated for its imports)
