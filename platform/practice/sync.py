"""Importing problems/concepts/*.yaml into Concept rows: idempotent, and nothing changes if any file is bad."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import transaction

from graders.concepts import Concept as ConceptFile
from graders.concepts import load_concepts, missing_related
from graders.config import ROOT
from graders.package import PackageError
from judge.problem_list import bump_generation
from practice.models import Concept


@dataclass
class ConceptSyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"concepts created: {', '.join(self.created) or '-'}",
               f"concepts updated: {', '.join(self.updated) or '-'}",
               f"concepts unchanged: {len(self.unchanged)}",
               f"concepts retired: {', '.join(self.retired) or '-'}",
               f"concept errors: {len(self.errors)}"]
        return out + [f"  {e}" for e in self.errors]


def row_fields(concept: ConceptFile) -> dict:
    """The row's values, as they come back from a JSON column (lists, not tuples) so comparing them works."""
    return json.loads(json.dumps({
        "title": concept.title, "topics": list(concept.topics), "difficulty": concept.difficulty,
        "question": concept.question, "answer": concept.answer, "explanation": concept.explanation,
        "key_points": list(concept.key_points),
        "choices": asdict(concept.choices) if concept.choices else None,
        "more_choices": [asdict(c) for c in concept.more_choices],
        "related": list(concept.related), "seed_refs": list(concept.seed_refs), "version": concept.version,
        "is_active": True,
    }))


def sync_concepts(root: Path, problems_root: Path = ROOT / "problems") -> ConceptSyncReport:
    """Load every file under `root` first; only if all are valid, write them (a half-synced bank helps no one).
    A `related` link to a coding problem that `problems_root` does not have is an error: the page would link
    to nothing."""
    report = ConceptSyncReport()
    if not root.is_dir():
        return report
    try:
        concepts = load_concepts(root)
    except PackageError as exc:
        report.errors.extend(exc.errors)
        return report
    report.errors.extend(missing_related(concepts, problems_root))
    if report.errors:
        return report
    with transaction.atomic():
        for concept in concepts:
            fields = row_fields(concept)
            row = Concept.objects.filter(slug=concept.slug).first()
            if row is None:
                Concept.objects.create(slug=concept.slug, **fields)
                report.created.append(concept.slug)
            elif all(getattr(row, k) == v for k, v in fields.items()):
                report.unchanged.append(concept.slug)
            else:
                Concept.objects.filter(pk=row.pk).update(**fields)
                report.updated.append(concept.slug)
        gone = Concept.objects.filter(is_active=True).exclude(slug__in=[c.slug for c in concepts])
        report.retired = sorted(gone.values_list("slug", flat=True))
        gone.update(is_active=False)
    if report.created or report.updated or report.retired:
        bump_generation()  # update() sends no signal: the cached problem list must still learn of it
    return report
