"""Concept questions through the API: listed, read (options shuffled, correctness hidden) and answered.

The rules are the site's (practice.quiz): the same option order per user and attempt, the same grading,
and an answer after the model answer was shown is practice, not a solve.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api.filters import FILTER_PARAMETERS, filtered
from practice.models import Concept
from practice.quiz import answer, shown_order


class ConceptListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Concept
        fields = ["slug", "title", "difficulty", "topics"]


class ConceptDetailSerializer(ConceptListSerializer):
    """The question and its options in this user's order; which are correct is only told after answering."""

    asking = serializers.SerializerMethodField(help_text="Which of the concept's questions your next answer "
                                                         "is for: {number, of}; they take turns, attempt by attempt.")
    prompt = serializers.SerializerMethodField()
    options = serializers.SerializerMethodField()

    class Meta(ConceptListSerializer.Meta):
        fields = [*ConceptListSerializer.Meta.fields, "question", "asking", "prompt", "options", "related"]

    def _next(self, concept: Concept) -> tuple[int, dict[str, Any], list[int]]:
        return shown_order(self.context["request"].user, concept)

    def get_asking(self, concept: Concept) -> dict[str, int]:
        return {"number": self._next(concept)[0] + 1, "of": len(concept.questions())}

    def get_prompt(self, concept: Concept) -> str:
        return self._next(concept)[1].get("prompt", "")

    def get_options(self, concept: Concept) -> list[dict[str, Any]]:
        _, asked, order = self._next(concept)
        return [{"index": i, "text": asked["options"][i]["text"]} for i in order]


class AnswerSerializer(serializers.Serializer):
    options = serializers.ListField(child=serializers.IntegerField(min_value=0), allow_empty=True,
                                    help_text="The indexes of every option you think is correct.")


class ConceptList(generics.ListAPIView):
    """Active concept questions; filter with `?difficulty=` and `?topic=`."""

    serializer_class = ConceptListSerializer

    @extend_schema(parameters=FILTER_PARAMETERS[:2])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return filtered(Concept.objects.filter(is_active=True).order_by("slug"), self.request.query_params, kinds=())


class ConceptDetail(generics.RetrieveAPIView):
    serializer_class = ConceptDetailSerializer
    queryset = Concept.objects.filter(is_active=True)
    lookup_field = "slug"


class ConceptAnswer(generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = AnswerSerializer
    queryset = Concept.objects.filter(is_active=True)
    lookup_field = "slug"

    @extend_schema(request=AnswerSerializer, responses={201: dict})
    def post(self, request: Request, slug: str) -> Response:
        """Grade an answer: whether it is correct, whether it counts as solved, and every option explained."""
        concept = self.get_object()
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        attempt, judged = answer(request.user, concept, data.validated_data["options"])
        return Response({
            "question": attempt.question + 1, "correct": attempt.correct,
            "solved": attempt.correct and not attempt.after_reveal,
            "after_reveal": attempt.after_reveal, "answer": concept.answer, "explanation": concept.explanation,
            "options": [{"index": o["index"], "text": o["text"], "correct": bool(o.get("correct")),
                         "chosen": o["chosen"], "rationale": o.get("rationale", "")} for o in judged],
        }, status=201)
