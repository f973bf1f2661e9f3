"""The Celery app. Tasks carry only a submission id; the database is the source of truth."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")

app = Celery("torchjudge")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
