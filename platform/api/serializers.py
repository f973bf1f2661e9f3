"""API shapes. A problem exposes only its public parts: never the reference, tests.py, hidden tests or
wrong solutions. A submission exposes exactly what `judge.payloads.submission_payload` lets a browser see."""

from __future__ import annotations

from typing import Any

from django import forms
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from graders import custom_input
from judge.forms import parse_custom_input
from judge.models import Problem, Submission
from judge.payloads import submission_payload
from judge.sample_files import download_url
from judge.validators import validate_code


class ProblemListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Problem
        fields = ["slug", "title", "kind", "difficulty", "topics", "gpu"]


class SampleTestSerializer(serializers.Serializer):
    name = serializers.CharField()
    params = serializers.DictField(help_text="The generator's parameters.")
    arguments = serializers.CharField(allow_null=True, help_text="The arguments as the entry point receives "
                                      "them, large values summarised; null until the worker has worked them out.")
    download = serializers.URLField(allow_null=True, help_text="Every value of the arguments as a safetensors file "
                                    "(other values in its metadata), where small enough; else null.")


class ProblemDetailSerializer(ProblemListSerializer):
    """The statement (Markdown), starter code, signature, hints and the sample tests' parameters."""

    statement = serializers.SerializerMethodField()
    starter = serializers.SerializerMethodField()
    signature = serializers.SerializerMethodField()
    hint_count = serializers.SerializerMethodField(help_text="Read them one at a time: /hints/<n>/.")
    samples = serializers.SerializerMethodField()
    version = serializers.SerializerMethodField()

    class Meta(ProblemListSerializer.Meta):
        fields = [*ProblemListSerializer.Meta.fields, "version", "signature", "statement", "starter", "hint_count",
                  "samples"]

    def get_statement(self, problem: Problem) -> str:
        return problem.package().statement

    def get_starter(self, problem: Problem) -> str:
        return problem.package().starter

    def get_signature(self, problem: Problem) -> str:
        return problem.package().signature

    def get_version(self, problem: Problem) -> str:
        return problem.live_version.version

    def get_hint_count(self, problem: Problem) -> int:
        return len(problem.package().hints)

    @extend_schema_field(SampleTestSerializer(many=True))
    def get_samples(self, problem: Problem) -> list[dict[str, Any]]:
        shown, request = problem.live_version.sample_arguments or {}, self.context.get("request")
        samples = []
        for t in problem.package().test_cases("sample"):
            url = download_url(problem, t.name)
            samples.append({"name": t.name, "params": t.params, "arguments": shown.get(t.name),
                            "download": request.build_absolute_uri(url) if url and request else url})
        return samples


class HintSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    of = serializers.IntegerField()
    hint = serializers.CharField()


class SubmissionCreateSerializer(serializers.Serializer):
    problem = serializers.SlugRelatedField(slug_field="slug", queryset=Problem.visible())
    code = serializers.CharField(trim_whitespace=False)
    mode = serializers.ChoiceField(choices=Submission.Mode.choices, default=Submission.Mode.SUBMIT)
    custom_input = serializers.CharField(
        required=False, trim_whitespace=False, max_length=custom_input.MAX_CHARS,
        help_text="Run only: your own test parameters as a Python dict literal (start from a sample's `params`); "
                  "graded as one more case, with the reference's output beside yours.")

    def validate_code(self, code: str) -> str:
        return validate_code(code)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        """The custom input's text becomes its parameters; only a Run takes one."""
        if "custom_input" not in data:
            return {**data, "custom_input": None}
        if data["mode"] != Submission.Mode.RUN:
            raise serializers.ValidationError({"custom_input": "Only a Run takes custom input."})
        try:
            params = parse_custom_input(data["custom_input"], data["problem"].package())
        except forms.ValidationError as exc:
            raise serializers.ValidationError({"custom_input": exc.messages}) from exc
        return {**data, "custom_input": params}


class TestResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    verdict = serializers.CharField()
    message = serializers.CharField(help_text="For hidden tests only the kind of failure, never values.")
    time_ms = serializers.FloatField(allow_null=True)
    details = serializers.DictField(allow_null=True, help_text="Sample tests only: input, expected, actual, printed.")


class SubmissionSerializer(serializers.Serializer):
    """Read-only: built from `submission_payload`, so the API can never show more than the site."""

    id = serializers.IntegerField()
    problem = serializers.CharField()
    mode = serializers.CharField()
    status = serializers.CharField()
    done = serializers.BooleanField()
    verdict = serializers.CharField()
    verdict_name = serializers.CharField()
    label = serializers.CharField(help_text='The verdict as shown: a passing Run is "Samples passed (2/2)".')
    message = serializers.CharField()
    score = serializers.FloatField(allow_null=True, help_text="Submit only; a Run is not scored.")
    correctness = serializers.FloatField(allow_null=True)
    speed_score = serializers.FloatField(allow_null=True)
    speedup = serializers.FloatField(allow_null=True)
    user_ms = serializers.FloatField(allow_null=True)
    ref_ms = serializers.FloatField(allow_null=True)
    hardware = serializers.CharField()
    progress = serializers.CharField(help_text='While a Submit is timed, e.g. "timing: 40 pairs, ±0.8%".')
    custom_input = serializers.DictField(allow_null=True, help_text="A custom-input Run's parameters.")
    timing_cases = serializers.ListField(child=serializers.DictField(),
                                         help_text="Per benchmark case: name, runs, medians and noise in %.")
    created_at = serializers.DateTimeField()
    results = TestResultSerializer(many=True)

    def to_representation(self, submission: Submission) -> dict[str, Any]:
        return submission_payload(submission)
