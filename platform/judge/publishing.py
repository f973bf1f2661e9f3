"""A problem's versions from the admin's side: save a draft, validate it, make it live, export and import.

Versions are content-hashed and never edited (see authoring.py), so validating, publishing and rolling back
are all about which version a problem points at. Grading happens on a worker (authoring_tasks.py); these
functions only write rows and queue work, which is what the web process may do.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.db import transaction
from django.utils import timezone

from graders.package import PackageError, ProblemPackage, load_package
from graders.validation import expected_verdicts
from judge.models import Problem, ProblemVersion, ValidationCheck, ValidationRun

ZIP_LIMIT = 8 << 20  # a package is text; anything larger is not one
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so the same files always give the same zip


def save_version(problem: Problem, package: ProblemPackage, user: Any) -> ProblemVersion:
    """Store `package` as a version of `problem`; the same files give back the existing version."""
    version, _ = ProblemVersion.objects.get_or_create(
        problem=problem, version=package.version, defaults={"files": package.files, "created_by": user})
    return version


def queue_validation(version: ProblemVersion, user: Any) -> ValidationRun:
    """Create the run and its pending checks (the reference, accepted variants, wrong solutions), and send it
    to a worker of the right kind."""
    from judge.authoring_tasks import validate_version

    package = version.package()
    with transaction.atomic():
        run = ValidationRun.objects.create(version=version, requested_by=user)
        ValidationCheck.objects.bulk_create(
            ValidationCheck(run=run, index=i, solution=file, expected=verdict)
            for i, (file, verdict) in enumerate(expected_verdicts(package).items()))
        transaction.on_commit(lambda: validate_version.apply_async(
            args=[run.pk], queue="gpu" if package.gpu else "cpu"))
    return run


class PublishError(Exception):
    """A version may not be made live; the message says why."""


@transaction.atomic
def make_live(version: ProblemVersion, user: Any) -> ProblemVersion | None:
    """Point the problem at `version` and copy its metadata; returns the version it replaced (for rollback)."""
    problem = Problem.objects.select_for_update().get(pk=version.problem_id)
    version.problem = problem
    allowed, reason = version.may_go_live()
    if not allowed:
        raise PublishError(f"{version} cannot be made live: {reason}.")
    package = version.package()
    previous = problem.live_version
    problem.live_version = version
    problem.title, problem.kind, problem.difficulty = package.title, package.kind, package.difficulty
    problem.topics, problem.gpu = list(package.topics), package.gpu
    problem.save()
    version.made_live_at, version.made_live_by = timezone.now(), user
    version.save(update_fields=["made_live_at", "made_live_by"])
    return previous


def export_zip(version: ProblemVersion) -> bytes:
    """The version as `<slug>/...`, the layout of problems/<slug>/, so unzipping into problems/ syncs it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(version.files):
            info = zipfile.ZipInfo(f"{version.problem.slug}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, version.files[name].encode("utf-8"))
    return buffer.getvalue()


def read_zip(data: bytes) -> tuple[str, dict[str, str]]:
    """The package folder inside a zip: (folder name, files). Raises PackageError saying what is wrong."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise PackageError([f"the upload is not a zip file: {exc}"]) from exc
    entries = [i for i in archive.infolist() if not i.is_dir() and "__pycache__" not in i.filename
               and not i.filename.endswith(".pyc") and not i.filename.startswith("__MACOSX/")]
    if sum(i.file_size for i in entries) > ZIP_LIMIT:
        raise PackageError([f"the zip holds more than {ZIP_LIMIT >> 20} MiB; a package is a few text files"])
    tops = {i.filename.split("/", 1)[0] for i in entries}
    if len(tops) != 1 or not all("/" in i.filename for i in entries):
        raise PackageError(["the zip must hold exactly one folder, named like the problem's slug "
                            "(the layout of problems/<slug>/)"])
    folder = tops.pop()
    files = {}
    for info in entries:
        name = info.filename.split("/", 1)[1]
        if ".." in name.split("/") or name.startswith("/"):
            raise PackageError([f"{info.filename}: a path inside the package may not leave its folder"])
        try:
            files[name] = archive.read(info).decode("utf-8").replace("\r\n", "\n")
        except UnicodeDecodeError as exc:
            raise PackageError([f"problems/{folder}/{name}: not UTF-8 text ({exc.reason})"]) from exc
    return folder, files


def import_zip(data: bytes, user: Any) -> ProblemVersion:
    """A zip as a new draft version (of a new problem if the slug is new); no live version changes."""
    folder, files = read_zip(data)
    package = load_package(files, f"problems/{folder}")
    with transaction.atomic():
        problem, _ = Problem.objects.get_or_create(slug=package.slug, defaults={
            "title": package.title, "kind": package.kind, "difficulty": package.difficulty,
            "topics": list(package.topics), "gpu": package.gpu})
        return save_version(problem, package, user)
