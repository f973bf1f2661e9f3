"""A sample's full arguments as a download: the safetensors file the worker's preview kept on the version.

The page and the API show a summary of large arguments (a state dict, hidden states); this serves every
value, exactly, for a user to load with `safetensors.torch.load_file` and reproduce a failure. Non-tensor
arguments are in the file's metadata, under "arguments". Public data: samples are visible to everyone.
"""

from __future__ import annotations

import base64

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from judge.models import Problem


def download_url(problem: Problem, name: str) -> str | None:
    """Where a sample of the live version has its full values, or None when the preview kept none for it."""
    if name not in (problem.live_version.sample_values or {}):
        return None
    return reverse("sample-values", args=[problem.slug, name])


def sample_values(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    problem = get_object_or_404(Problem.visible().select_related("live_version"), slug=slug)
    encoded = (problem.live_version.sample_values or {}).get(name)
    if encoded is None:
        raise Http404("no full values are kept for this sample")
    response = HttpResponse(base64.b64decode(encoded), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{name}.safetensors"'
    return response
