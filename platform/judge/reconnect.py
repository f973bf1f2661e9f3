"""Database calls that outlast a database restart: a worker's finished grading is stored, not thrown away."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection

log = logging.getLogger(__name__)
T = TypeVar("T")


def with_database(action: Callable[[], T]) -> T:
    """Run `action` (its own transaction, never inside another), reconnecting for up to TJ_DB_PATIENCE_S while
    the database does not answer. A restart takes seconds; a database down for longer raises, and the task
    is retried."""
    deadline = time.monotonic() + settings.TJ_DB_PATIENCE_S
    while True:
        try:
            return action()
        except (OperationalError, InterfaceError) as exc:
            if time.monotonic() > deadline:
                raise
            log.warning("the database does not answer, reconnecting: %s", exc)
            with contextlib.suppress(DatabaseError):
                connection.close()  # the next query opens a fresh connection
            time.sleep(1.0)
