"""WSGI entry point (gunicorn torchjudge.wsgi with platform/ on the Python path)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
