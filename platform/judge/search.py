"""The problem list's search: words in any order, each found in the title or the searchable text.

On PostgreSQL, full-text search (English stemming: "masks" finds "mask") is tried first; the word-by-word
substring match catches what it cannot, such as "nms" inside `torchvision.ops.nms` or a word's prefix. On
SQLite only the substring match runs.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

MAX_WORDS = 8


def search(queryset: QuerySet, text: str, fields: tuple[str, ...]) -> QuerySet:
    """Rows of `queryset` where every word of `text` is in one of `fields` (or, on PostgreSQL, matches them
    by full-text search)."""
    words = text.split()[:MAX_WORDS]
    if not words:
        return queryset
    every_word = reduce(and_, (reduce(or_, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in words))
    if connection.vendor != "postgresql":
        return queryset.filter(every_word)
    vector = SearchVector(*fields, config="english")
    query = SearchQuery(" ".join(words), search_type="plain", config="english")
    return queryset.annotate(search_vector=vector).filter(Q(search_vector=query) | every_word)
