"""Checks on submitted code, shared by the form views and the REST API."""

from django.conf import settings
from django.core.exceptions import ValidationError


def validate_code(code: str) -> str:
    """Refuse code over the size cap or with NUL bytes (the sandbox takes text, and size is an abuse limit)."""
    if len(code.encode()) > settings.TJ_MAX_CODE_BYTES:
        raise ValidationError(f"Code is larger than {settings.TJ_MAX_CODE_BYTES // 1024} KiB.")
    if "\x00" in code:
        raise ValidationError("Code contains a NUL byte.")
    return code
