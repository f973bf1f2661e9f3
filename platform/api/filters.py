"""The list filters the API shares between problems and concepts: difficulty, topic and kind."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import connection
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from graders.topics import DIFFICULTIES, TOPICS

FILTER_PARAMETERS = [
    OpenApiParameter("difficulty", str, enum=list(DIFFICULTIES)),
    OpenApiParameter("topic", str, enum=sorted(TOPICS)),
    OpenApiParameter("kind", str, enum=["coding", "debugging"], description="Problems only."),
]


def filtered(queryset: QuerySet, params: Mapping[str, str], kinds: tuple[str, ...] = ("coding", "debugging")
             ) -> QuerySet:
    """Apply `?difficulty=`, `?topic=` and `?kind=`; an unknown value is a 400 that names the valid ones."""
    difficulty, topic, kind = (params.get(k, "") for k in ("difficulty", "topic", "kind"))
    if difficulty and difficulty not in DIFFICULTIES:
        raise ValidationError({"difficulty": f"one of {', '.join(DIFFICULTIES)}"})
    if topic and topic not in TOPICS:
        raise ValidationError({"topic": "a topic slug, e.g. attention (see the schema for all)"})
    if kind and kind not in kinds:
        raise ValidationError({"kind": f"one of {', '.join(kinds)}"})
    if difficulty:
        queryset = queryset.filter(difficulty=difficulty)
    if kind:
        queryset = queryset.filter(kind=kind)
    if topic:
        if connection.vendor == "postgresql":  # JSON containment, indexed by the database
            queryset = queryset.filter(topics__contains=[topic])
        else:  # SQLite has no JSON containment: a topic list is short, match it here
            queryset = queryset.filter(pk__in=[row.pk for row in queryset.only("pk", "topics") if topic in row.topics])
    return queryset
