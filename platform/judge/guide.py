"""Pages that explain how the judge works, with the numbers taken from the code that applies them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from graders import scoring


def scoring_page(request: HttpRequest) -> HttpResponse:
    """How a score is made: correctness, speed on a log scale, and how timing noise is kept small."""
    return render(request, "judge/scoring.html", {
        "correctness_weight": round(100 * scoring.CORRECTNESS_WEIGHT),
        "speed_weight": round(100 * (1 - scoring.CORRECTNESS_WEIGHT)),
        "cap": f"{scoring.SPEEDUP_CAP:g}", "implausible": f"{scoring.IMPLAUSIBLE_SPEEDUP:g}",
    })
