"""Sample arguments per problem version, worked out by the worker the first time a problem page asks.

The worker grades the stand-in solution of graders/sample_preview.py as a Run (in the sandbox, as usual) and
keeps what it printed on the version. Views only ask for it; they never touch Docker.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.cache import cache
from django.db import transaction

from graders.config import engine_config
from graders.container import InfrastructureError
from graders.engine import grade
from graders.sample_preview import has_driver, sample_arguments, sample_values, stub_code
from judge.models import ProblemVersion
from judge.problem_list import bump_generation
from judge.sandboxes import worker_sandbox

log = logging.getLogger(__name__)
RETRY_AFTER_S = 600  # how long a failed or lost preview waits before a page may ask again


def request_preview(version: ProblemVersion) -> None:
    """Queue the preview of a version's samples unless it exists or was asked for recently. A problem without
    a driver needs none (its samples already show the arguments): that is recorded at once."""
    if version.sample_arguments is not None:
        return
    if not has_driver(version.package()):
        ProblemVersion.objects.filter(pk=version.pk).update(sample_arguments={})
        version.sample_arguments = {}
        bump_generation()  # update() sends no signal: pages kept per process must learn of it
        return
    if cache.add(f"sample-preview:{version.pk}", 1, RETRY_AFTER_S):
        queue = "gpu" if version.problem.gpu else "cpu"
        transaction.on_commit(lambda: preview_samples.apply_async(args=[version.pk], queue=queue))


@shared_task(acks_late=True, ignore_result=True)
def preview_samples(version_id: int) -> str:
    version = ProblemVersion.objects.select_related("problem").get(pk=version_id)
    if version.sample_arguments is not None:
        return f"skipped: version {version_id} has its sample arguments"
    package = version.package()
    try:
        result = grade(package, stub_code(package), "run", worker_sandbox(), engine_config())
    except InfrastructureError as exc:  # a page asks again after RETRY_AFTER_S
        log.warning("sample preview of %s failed: %s", version, exc)
        return f"failed: {exc}"
    found = sample_arguments(result)
    if len(found) < len(package.test_cases("sample")):  # e.g. a time limit on a busy machine: try again later
        log.warning("sample preview of %s incomplete (%s): %s", version, result.verdict, result.message[:500])
        return f"incomplete: {version} ({len(found)} samples, {result.verdict})"
    ProblemVersion.objects.filter(pk=version_id).update(sample_arguments=found, sample_values=sample_values(result))
    bump_generation()
    return f"previewed: {version} ({len(found)} samples)"
