"""Importing problems/ into the database: idempotent, versioned by content hash, all-or-nothing per problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from graders.package import PackageError, ProblemPackage, load_package, problem_folders, read_folder
from judge.models import Problem, ProblemVersion


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"created: {', '.join(self.created) or '-'}", f"updated: {', '.join(self.updated) or '-'}",
               f"unchanged: {len(self.unchanged)}", f"errors: {len(self.errors)}"]
        return out + [f"  {e}" for e in self.errors]


def search_text(package: ProblemPackage) -> str:
    """What the problem list's search looks in besides the title: the slug's words, topics and statement."""
    return " ".join([package.slug.replace("-", " "), *package.topics, package.statement])


@transaction.atomic
def sync_package(package: ProblemPackage) -> str:
    """Make `package` the live version of its problem. Returns created, updated or unchanged."""
    problem, created = Problem.objects.get_or_create(
        slug=package.slug,
        defaults={"title": package.title, "difficulty": package.difficulty, "kind": package.kind},
    )
    version, _ = ProblemVersion.objects.get_or_create(
        problem=problem, version=package.version, defaults={"files": package.files}
    )
    metadata = {"title": package.title, "difficulty": package.difficulty, "kind": package.kind,
                "topics": list(package.topics), "gpu": package.gpu, "search_text": search_text(package)}
    if not created and problem.live_version_id == version.pk and all(
        getattr(problem, k) == v for k, v in metadata.items()
    ):
        return "unchanged"
    if problem.live_version_id != version.pk:  # recorded, so the admin can roll back to it later
        ProblemVersion.objects.filter(pk=version.pk).update(made_live_at=timezone.now())
    for name, value in metadata.items():
        setattr(problem, name, value)
    problem.live_version = version
    problem.save()
    return "created" if created else "updated"


def sync_problems(root: Path, slugs: list[str] | None = None) -> SyncReport:
    """Import every package under `root`; a broken one is reported and its live version left alone."""
    report = SyncReport()
    folders = [root / s for s in slugs] if slugs else problem_folders(root)
    for folder in folders:
        try:
            package = load_package(read_folder(folder), f"{root.name}/{folder.name}")
        except (PackageError, OSError, UnicodeDecodeError) as exc:
            errors = exc.errors if isinstance(exc, PackageError) else [f"{root.name}/{folder.name}: {exc}"]
            report.errors.extend(errors)
            continue
        getattr(report, sync_package(package)).append(package.slug)
    return report
