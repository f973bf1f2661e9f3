"""`{% link 'name' arg %}`: Django's `{% url %}`, kept per process.

A problem page holds about fifteen links, and reversing each one anew was a third of its template's time. The
URLconf never changes while a process runs, so a name and its arguments always give the same path (under the
same script prefix, which is part of the key).
"""

from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _reverse(prefix: str, name: str, args: tuple[object, ...]) -> str:
    return reverse(name, args=args)


@register.simple_tag
def link(name: str, *args: object) -> str:
    return _reverse(get_script_prefix(), name, args)
