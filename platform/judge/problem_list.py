"""The problem list, fast under a class: what does not depend on the user is cached, the user's part is one query.

The catalogue (coding problems and concept questions, filtered, searched, ordered, each row's HTML rendered)
is the same for everyone, so it is cached per filter until the bank changes: saving or deleting a problem,
a version or a concept bumps a generation number that every cache key carries (sync_concepts, which writes
with `update()`, bumps it itself), and entries expire after a few minutes in any case. A process asks Redis for
the generation at most once a second (a round trip on every view was a tenth of a problem page's CPU under a
class), so a change saved in another process shows there within a second; one saved here, at once. Each request then
adds only the user's status per row, from one indexed query over their submissions and quiz attempts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import secrets
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from redis.exceptions import RedisError

from graders.topics import DIFFICULTIES
from judge.models import Problem, ProblemVersion, Submission
from judge.search import search as search_rows
from practice.models import Concept, QuizAttempt

log = logging.getLogger(__name__)
DIFFICULTY_ORDER = {d: i for i, d in enumerate(DIFFICULTIES)}
GENERATION_KEY = "problem-list:generation"
CATALOGUE_TTL_S = 300
STATUS_SLOT = "\x00status\x00"  # where a row's status cell goes, filled per user
CATALOGUE_FILTERS = ("kind", "difficulty", "topic", "q")
_IN_PROCESS: dict[str, tuple[float, Any]] = {}  # cache key → (monotonic deadline, value): no unpickling per view
GENERATION_RECHECK_S = 1.0
_generation_seen: tuple[float, str] = (0.0, "")  # (monotonic deadline, generation) as this process last read it


def bump_generation(**_: Any) -> None:
    """The bank changed: every cached catalogue is stale. With the cache away, saving still works; entries
    expire after CATALOGUE_TTL_S anyway."""
    global _generation_seen
    generation = _new_generation()
    try:
        cache.set(GENERATION_KEY, generation, timeout=None)
    except RedisError as exc:
        log.warning("problem list cache not invalidated: %s", exc)
        _generation_seen = (0.0, "")  # ask Redis again on the next view
        return
    _generation_seen = (time.monotonic() + GENERATION_RECHECK_S, generation)


def _generation() -> str:
    """The bank's generation, as Redis has it at most GENERATION_RECHECK_S ago (this process's own bumps at once)."""
    global _generation_seen
    deadline, generation = _generation_seen
    if deadline <= time.monotonic():
        generation = cache.get_or_set(GENERATION_KEY, _new_generation, timeout=None)
        _generation_seen = (time.monotonic() + GENERATION_RECHECK_S, generation)
    return generation


def _new_generation() -> str:
    """A random generation, never a counter: a counter starts again at 0 when Redis loses its data, and a
    process's kept catalogue of an older generation 0 would then be taken for current."""
    return secrets.token_hex(8)


def cached(prefix: str, parts: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, kept under this bank generation in the cache and, unpickled, in this process; computed
    afresh when the cache is away, so the pages stay up without Redis, only slower. Callers must not change
    what they get: it is shared by the process's requests."""
    try:
        generation = _generation()
    except RedisError as exc:
        log.warning("problem list cache unavailable: %s", exc)
        return compute()
    key = f"{prefix}:{generation}:{hashlib.sha256(parts.encode()).hexdigest()[:32]}"
    deadline, value = _IN_PROCESS.get(key, (0.0, None))
    if deadline > time.monotonic():
        return value
    try:
        value = cache.get(key)
    except RedisError as exc:
        log.warning("problem list cache unavailable: %s", exc)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, CATALOGUE_TTL_S)
        except RedisError as exc:
            log.warning("problem list cache unavailable: %s", exc)
    if len(_IN_PROCESS) >= 256:
        _IN_PROCESS.clear()
    _IN_PROCESS[key] = (time.monotonic() + CATALOGUE_TTL_S, value)
    return value


for model in (Problem, ProblemVersion, Concept):
    post_save.connect(bump_generation, sender=model, dispatch_uid=f"problem-list-{model.__name__}-save")
    post_delete.connect(bump_generation, sender=model, dispatch_uid=f"problem-list-{model.__name__}-delete")


def _filtered(queryset: QuerySet, filters: dict[str, str], search: str) -> QuerySet:
    if filters.get("difficulty"):
        queryset = queryset.filter(difficulty=filters["difficulty"])
    if search:
        fields = ("title", "search_text") if queryset.model is Problem else ("title", "slug", "question")
        queryset = search_rows(queryset, search, fields)
    return queryset


def _catalogue_rows(filters: dict[str, str]) -> list[dict[str, Any]]:
    """Coding problems and concept questions as list rows, filtered and ordered; two queries."""
    kind, search, topic = filters.get("kind", ""), filters.get("q", "").strip(), filters.get("topic", "")
    rows: list[dict[str, Any]] = []
    if kind in ("", "coding", "debugging"):
        problems = Problem.visible().only("pk", "slug", "title", "kind", "difficulty", "topics")
        if kind:
            problems = problems.filter(kind=kind)
        rows += [{"kind": p.kind, "pk": p.pk, "slug": p.slug, "title": p.title, "difficulty": p.difficulty,
                  "topics": p.topics, "url_name": "problem-detail"} for p in _filtered(problems, filters, search)]
    if kind in ("", "concept"):
        concepts = Concept.objects.filter(is_active=True).only("pk", "slug", "title", "difficulty", "topics")
        rows += [{"kind": "concept", "pk": c.pk, "slug": c.slug, "title": c.title, "difficulty": c.difficulty,
                  "topics": c.topics, "url_name": "concept-quiz"} for c in _filtered(concepts, filters, search)]
    rows = [r for r in rows if not topic or topic in r["topics"]]
    words = search.lower().split()  # a search lists the rows with the most words in their title first

    def order(r: dict[str, Any]) -> tuple:
        return (-sum(w in r["title"].lower() for w in words), DIFFICULTY_ORDER.get(r["difficulty"], 9),
                r["kind"] == "concept", r["title"])

    return sorted(rows, key=order)


def catalogue(filters: dict[str, str]) -> list[dict[str, Any]]:
    """The rows for these filters, each with its HTML split around the status cell; cached."""
    wanted = {k: filters.get(k, "") for k in CATALOGUE_FILTERS}

    def compute() -> list[dict[str, Any]]:
        rows = _catalogue_rows(wanted)
        for row in rows:
            html = render_to_string("judge/_problem_row.html", {"row": row, "slot": STATUS_SLOT})
            row["head"], row["tail"] = html.split(STATUS_SLOT)
        return rows

    return cached("problem-list", json.dumps(wanted, sort_keys=True), compute)


def statuses(user: Any) -> dict[tuple[str, int], str]:
    """(kind, pk) → "solved" or "attempted" for everything the user has tried, in one query: their
    submissions grouped by problem and their quiz attempts grouped by concept (both indexed by user).

    Written as SQL because the ORM took 3 ms of CPU to build this union, ten times what the database takes
    to answer it, on every list view."""
    sql = (f"SELECT problem_id, MAX(CASE WHEN verdict = %s AND mode = %s THEN 1 ELSE 0 END), 0 "
           f"FROM {Submission._meta.db_table} WHERE user_id = %s GROUP BY problem_id "
           f"UNION ALL SELECT concept_id, MAX(CASE WHEN correct AND NOT after_reveal THEN 1 ELSE 0 END), 1 "
           f"FROM {QuizAttempt._meta.db_table} WHERE user_id = %s GROUP BY concept_id")
    with connection.cursor() as cursor:
        cursor.execute(sql, [Submission.Verdict.AC.value, Submission.Mode.SUBMIT.value, user.pk, user.pk])
        rows = cursor.fetchall()
    return {("concept" if concept else "problem", pk): "solved" if solved else "attempted"
            for pk, solved, concept in rows}


def problem_rows(user: Any, filters: dict[str, str]) -> tuple[SafeString, int]:
    """The table body's rows for this user and these filters, and how many there are."""
    rows = catalogue(filters)
    if not user.is_authenticated:
        return mark_safe("".join(r["head"] + r["tail"] for r in rows)), len(rows)  # noqa: S308 (rendered by templates)
    mine = statuses(user)
    wanted = filters.get("status", "")
    html, count = [], 0
    for row in rows:
        status = mine.get(("concept" if row["kind"] == "concept" else "problem", row["pk"]), "new")
        if wanted and status != wanted:
            continue
        cell = f'<td><span class="status status-{status}">{status}</span></td>'
        html.append(row["head"] + cell + row["tail"])
        count += 1
    return mark_safe("".join(html)), count  # noqa: S308 (rendered by templates; the status is one of three words)


@functools.lru_cache(maxsize=256)
def _filter_fields(authenticated: bool, values: tuple[tuple[str, str], ...]) -> SafeString:
    from judge.forms import ProblemFilterForm

    form = ProblemFilterForm(dict(values) or None, authenticated=authenticated)
    form.is_valid()
    return mark_safe("".join(f"<label>{field.label}{field}</label>" for field in form))  # noqa: S308 (Django widgets)


def filter_fields(params: Any, authenticated: bool) -> SafeString:
    """The filter form's fields as HTML: a third of the list's time to render, and the same for everyone with
    the same filters, so kept per process."""
    names = ("q", "difficulty", "topic", "kind", "status")
    return _filter_fields(authenticated, tuple((n, params.get(n, "")[:100]) for n in names if n in params))
