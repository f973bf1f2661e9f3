"""REST endpoints over the same models and rules as the pages: token auth, per-user grading limits."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from api.serializers import (
    ProblemDetailSerializer,
    ProblemListSerializer,
    SubmissionCreateSerializer,
    SubmissionSerializer,
)
from judge.models import Problem, Submission
from judge.ratelimit import check_and_count
from judge.tasks import enqueue


class ProblemList(generics.ListAPIView):
    """Every public coding problem."""

    serializer_class = ProblemListSerializer
    queryset = Problem.visible().order_by("slug")


class ProblemDetail(generics.RetrieveAPIView):
    """One problem's public parts: statement, starter code, hints and sample test parameters."""

    serializer_class = ProblemDetailSerializer
    queryset = Problem.visible().select_related("live_version")
    lookup_field = "slug"


class SubmissionCreate(generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionCreateSerializer

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
                                               code=data.validated_data["code"], mode=data.validated_data["mode"])
        enqueue(submission)
        return Response(SubmissionSerializer(submission).data, status=status.HTTP_201_CREATED)


class SubmissionDetail(generics.RetrieveAPIView):
    """A submission's status and per-test results; poll until `done` is true. Owners (and staff) only."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionSerializer

    def get_queryset(self):
        mine = Submission.objects.select_related("problem").prefetch_related("results")
        return mine if self.request.user.is_staff else mine.filter(user=self.request.user)
