"""REST endpoints over the same models and rules as the pages: token auth, per-user grading limits."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from api.filters import FILTER_PARAMETERS, filtered
from api.serializers import (
    HintSerializer,
    ProblemDetailSerializer,
    ProblemListSerializer,
    SubmissionCreateSerializer,
    SubmissionSerializer,
)
from judge.models import Problem, Submission
from judge.problem_list import cached
from judge.ratelimit import check_and_count
from judge.tasks import enqueue


class ProblemList(generics.ListAPIView):
    """Every public coding problem; filter with `?difficulty=easy|medium|hard`, `?topic=<slug>` and
    `?kind=coding|debugging` (concept questions are under /api/concepts/)."""

    serializer_class = ProblemListSerializer

    @extend_schema(parameters=FILTER_PARAMETERS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Problem]:
        return filtered(Problem.visible().order_by("slug"), self.request.query_params)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The same for every client: cached per query string until the bank changes (judge.problem_list).
        Page links carry the host, so the host is part of the key; errors (a bad filter) are not cached."""
        body = cached("api-problems", f"{request.get_host()}?{request.GET.urlencode()[:500]}",
                      lambda: super(ProblemList, self).list(request, *args, **kwargs).data)
        return Response(body)


class ProblemDetail(generics.RetrieveAPIView):
    """One problem's public parts: statement, starter code, hints and sample test parameters."""

    serializer_class = ProblemDetailSerializer
    queryset = Problem.visible().select_related("live_version")
    lookup_field = "slug"


class SubmissionListCreate(generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionCreateSerializer

    @extend_schema(parameters=[OpenApiParameter("problem", str, description="Only this problem's (a slug).")],
                   responses={200: SubmissionSerializer(many=True)})
    def get(self, request: Request) -> Response:
        """Your own submissions, newest first, paginated; `?problem=<slug>` keeps one problem's."""
        mine = (Submission.objects.filter(user=request.user).select_related("problem", "version")
                .prefetch_related("results"))
        if request.query_params.get("problem"):
            mine = mine.filter(problem__slug=request.query_params["problem"])
        page = self.paginate_queryset(mine)
        return self.get_paginated_response(SubmissionSerializer(page, many=True).data)

    @extend_schema(request=SubmissionCreateSerializer, responses={201: SubmissionSerializer})
    def post(self, request: Request) -> Response:
        """Queue code for grading. `run` grades the visible samples, `submit` the hidden tests and speed."""
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        limited = check_and_count(request.user.pk, data.validated_data["mode"])
        if limited:
            raise Throttled(detail=limited)
        problem = data.validated_data["problem"]
        submission = Submission.objects.create(user=request.user, problem=problem, version=problem.live_version,
                                               code=data.validated_data["code"], mode=data.validated_data["mode"],
                                               custom_input=data.validated_data["custom_input"])
        enqueue(submission)
        return Response(SubmissionSerializer(submission).data, status=status.HTTP_201_CREATED)


class SubmissionDetail(generics.RetrieveAPIView):
    """A submission's status and per-test results; poll until `done` is true. Owners (and staff) only."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionSerializer

    def get_queryset(self):
        mine = Submission.objects.select_related("problem", "version").prefetch_related("results")
        return mine if self.request.user.is_staff else mine.filter(user=self.request.user)


class ProblemHint(generics.GenericAPIView):
    """Hints one at a time, as on the site: `/hints/1/` is a nudge, the last nearly the answer."""

    queryset = Problem.visible().select_related("live_version")
    lookup_field = "slug"

    @extend_schema(responses={200: HintSerializer})
    def get(self, request: Request, slug: str, number: int) -> Response:
        hints = self.get_object().package().hints
        if not 1 <= number <= len(hints):
            raise NotFound(f"this problem has {len(hints)} hints, numbered from 1")
        return Response({"number": number, "of": len(hints), "hint": hints[number - 1]})
