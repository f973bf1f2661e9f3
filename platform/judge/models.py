"""The judge's data: problems and their versions, submissions with one status state machine, per-test rows.

Visibility and state rules live here, on the models, so views stay thin.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from graders.package import ProblemPackage, load_package


class Problem(models.Model):
    """A coding problem; what users see is its live version."""

    class Difficulty(models.TextChoices):
        EASY = "easy"
        MEDIUM = "medium"
        HARD = "hard"

    class Kind(models.TextChoices):
        CODING = "coding"
        DEBUGGING = "debugging"

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CODING)
    difficulty = models.CharField(max_length=8, choices=Difficulty.choices)
    topics = models.JSONField(default=list)
    search_text = models.TextField(blank=True, default="")  # slug words, topics and statement (see judge.sync)
    gpu = models.BooleanField(default=False)
    is_public = models.BooleanField(default=True)
    live_version = models.ForeignKey(
        "ProblemVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def visible(cls) -> models.QuerySet[Problem]:
        """Problems anyone may browse: public and with a live version."""
        return cls.objects.filter(is_public=True, live_version__isnull=False)

    @classmethod
    def open_to(cls, user: Any) -> models.QuerySet[Problem]:
        """Problems `user` may submit to and keep a draft of: the visible ones, and for staff any problem with a
        live version (they try a hidden problem on its real page before making it public)."""
        return cls.objects.filter(live_version__isnull=False) if user.is_staff else cls.visible()

    def package(self) -> ProblemPackage:
        if self.live_version is None:
            raise ValueError(f"problem {self.slug} has no live version")
        return self.live_version.package()


_PACKAGES: dict[tuple[int, str], ProblemPackage] = {}  # parsed packages, per process (ProblemVersion.package)


class ProblemVersion(models.Model):
    """The files of a problem at one content hash. Submissions keep the version they were graded against."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=32)
    files = models.JSONField()
    # Sample test name → its arguments as the entry point receives them (judge.sample_previews); None: not yet.
    sample_arguments = models.JSONField(null=True, blank=True)
    # Sample test name → its full arguments, a base64 safetensors file, where small enough to offer (same origin).
    sample_values = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # empty for versions imported by sync_problems
    made_live_at = models.DateTimeField(null=True, blank=True)  # the last time it became live
    made_live_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["problem", "version"], name="unique_problem_version")]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.problem.slug}@{self.version}"

    def package(self) -> ProblemPackage:
        """The parsed package, kept per process: a version's files never change (`version` is their content
        hash), and parsing its YAML is most of a problem page's time."""
        key = (self.problem_id, self.version)
        package = _PACKAGES.get(key)
        if package is None:
            package = load_package(self.files, f"problems/{self.problem.slug}")
            if len(_PACKAGES) >= 512:
                _PACKAGES.clear()
            _PACKAGES[key] = package
        return package

    @property
    def is_live(self) -> bool:
        return self.problem.live_version_id == self.pk

    def latest_validation(self) -> ValidationRun | None:
        return self.validations.order_by("-created_at", "-pk").first()

    def may_go_live(self) -> tuple[bool, str]:
        """A version goes live only if its latest validation passed, or it was live before (a rollback)."""
        if self.is_live:
            return False, "it is already live"
        run = self.latest_validation()
        if run is not None and run.status == ValidationRun.Status.PASSED:
            return True, ""
        if self.made_live_at is not None and run is None:
            return True, ""
        if run is None:
            return False, "it has not been validated; validate it first"
        return False, f"its latest validation is {run.get_status_display().lower()}"


class Submission(models.Model):
    """One graded attempt. `status` follows a single state machine, changed only through `transition`."""

    class Mode(models.TextChoices):
        RUN = "run"  # the visible samples, with their data shown
        SUBMIT = "submit"  # samples and hidden tests, then timing

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        FINISHED = "finished"  # graded: the verdict says how it went
        FAILED = "failed"  # could not be graded after every retry: verdict IE

    TRANSITIONS: dict[str, set[str]] = {
        Status.QUEUED: {Status.RUNNING, Status.FAILED},
        Status.RUNNING: {Status.FINISHED, Status.FAILED, Status.QUEUED},  # back to queued: retry or lost worker
        Status.FINISHED: {Status.QUEUED},  # a staff rejudge (judge/rejudge.py), never the grading path
        Status.FAILED: {Status.QUEUED},
    }

    class Verdict(models.TextChoices):
        AC = "AC", "Accepted"
        WA = "WA", "Wrong Answer"
        TLE = "TLE", "Time Limit Exceeded"
        MLE = "MLE", "Memory Limit Exceeded"
        OLE = "OLE", "Output Limit Exceeded"
        RE = "RE", "Runtime Error"
        CE = "CE", "Compilation Error"
        IE = "IE", "Internal Error"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions")
    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="submissions")
    version = models.ForeignKey(ProblemVersion, on_delete=models.PROTECT, related_name="submissions")
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.SUBMIT)
    code = models.TextField()
    # A Run on the user's own test parameters (graders.custom_input): graded as one more case after the samples.
    custom_input = models.JSONField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    verdict = models.CharField(max_length=4, choices=Verdict.choices, blank=True)
    message = models.TextField(blank=True)
    score = models.FloatField(null=True, blank=True)
    correctness = models.FloatField(null=True, blank=True)
    speed_score = models.FloatField(null=True, blank=True)
    speedup = models.FloatField(null=True, blank=True)
    user_ms = models.FloatField(null=True, blank=True)
    ref_ms = models.FloatField(null=True, blank=True)
    peak_bytes = models.BigIntegerField(null=True, blank=True)
    implausible_timing = models.BooleanField(default=False)
    timing = models.JSONField(null=True, blank=True)
    hardware = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_expires = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["problem", "verdict", "mode"]),
            # The admin's list: newest first, filtered by verdict or hardware (100k rows stay fast).
            models.Index(fields=["verdict", "-created_at"], name="submission_verdict_recent"),
            models.Index(fields=["hardware", "-created_at"], name="submission_hardware_recent"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.problem.slug} {self.status} {self.verdict}"

    @property
    def is_done(self) -> bool:
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    @property
    def is_run(self) -> bool:
        return self.mode == self.Mode.RUN

    def samples_passed(self) -> tuple[int, int]:
        """(passed, total) sample tests; uses prefetched results when the caller prefetched them."""
        samples = [r for r in self.results.all() if r.kind == "sample"]
        return sum(r.verdict == self.Verdict.AC for r in samples), len(samples)

    def verdict_label(self) -> str:
        """The verdict as people should read it: a Run only ever checked the samples, so it is never "Accepted".
        A Run on custom input says how that case went too."""
        if not self.verdict:
            return ""
        if not self.is_run or self.verdict in (self.Verdict.CE, self.Verdict.IE):
            return self.get_verdict_display()
        passed, total = self.samples_passed()
        custom = next((r for r in self.results.all() if r.kind == TestResult.CUSTOM), None)
        extra = "" if custom is None else \
            f", custom input {'matches the reference' if custom.verdict == self.Verdict.AC else custom.verdict}"
        if self.verdict == self.Verdict.AC:
            return f"Samples passed ({passed}/{total}){extra}"
        return f"{self.get_verdict_display()} (samples: {passed}/{total} passed{extra})"

    def can_see(self, user: Any) -> bool:
        """Owners and staff see a submission's code and results."""
        return user.is_authenticated and (user.pk == self.user_id or user.is_staff)

    def transition(self, source: str, target: str, attempt: int | None = None, **fields: Any) -> bool:
        """Move from `source` to `target` atomically; False when another process got there first.

        A worker passes the `attempt` its claim got: once its lease was taken over by a later claim, nothing
        it does changes the submission any more."""
        if target not in self.TRANSITIONS[source]:
            raise ValueError(f"illegal submission transition {source} -> {target}")
        fence = {} if attempt is None else {"attempts": attempt}
        updated = Submission.objects.filter(pk=self.pk, status=source, **fence).update(status=target, **fields)
        if updated:
            self.status = target
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(updated)

    def claim(self, lease_seconds: float) -> bool:
        """Take a queued submission (or one whose worker's lease ran out) for grading, exactly once."""
        now = timezone.now()
        fields = {
            "status": self.Status.RUNNING,
            "started_at": now,
            "lease_expires": now + timezone.timedelta(seconds=lease_seconds),
            "attempts": models.F("attempts") + 1,
        }
        claimable = Q(status=self.Status.QUEUED) | Q(status=self.Status.RUNNING, lease_expires__lt=now)
        updated = Submission.objects.filter(claimable, pk=self.pk).update(**fields)
        if updated:
            self.refresh_from_db()
        return bool(updated)


class TestResult(models.Model):
    """One test's outcome, written as the harness reports it (live progress)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="results")
    index = models.PositiveIntegerField()
    name = models.CharField(max_length=100)
    CUSTOM = "custom"  # a Run's custom-input case; shown like a sample, never counted as one
    kind = models.CharField(max_length=10)  # sample | hidden | custom
    verdict = models.CharField(max_length=4, choices=Submission.Verdict.choices)
    message = models.TextField(blank=True)
    time_ms = models.FloatField(null=True, blank=True)
    cpu_ms = models.FloatField(null=True, blank=True)
    weight = models.FloatField(default=1)
    details = models.JSONField(null=True, blank=True)  # sample and custom only: input, expected, actual, printed

    class Meta:
        ordering = ["index"]
        constraints = [models.UniqueConstraint(fields=["submission", "index"], name="unique_result_index")]

    def __str__(self) -> str:
        return f"{self.submission_id}:{self.index} {self.verdict}"


class Draft(models.Model):
    """A user's unsent code and revealed hints for one problem, so another browser gets them back."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="drafts")
    code = models.TextField(blank=True)
    hints_shown = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "problem"], name="one_draft_per_user_problem")]


class ValidationRun(models.Model):
    """One grading of a version's reference and wrong solutions on a worker (the admin's "validate")."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        PASSED = "passed"  # the reference is Accepted in the benchmark range, every wrong solution got its verdict
        FAILED = "failed"

    version = models.ForeignKey(ProblemVersion, on_delete=models.CASCADE, related_name="validations")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"validation of {self.version} ({self.status})"


class ValidationCheck(models.Model):
    """One solution of a validation run: what verdict it needed, what it got (empty until graded)."""

    run = models.ForeignKey(ValidationRun, on_delete=models.CASCADE, related_name="checks")
    index = models.PositiveSmallIntegerField()
    solution = models.CharField(max_length=200)
    expected = models.CharField(max_length=4)
    got = models.CharField(max_length=4, blank=True)
    detail = models.TextField(blank=True)  # the reference's benchmark times, or why a solution failed

    class Meta:
        ordering = ["index"]

    @property
    def ok(self) -> bool | None:
        return None if not self.got else self.got == self.expected


class Rejudge(models.Model):
    """A staff rejudge and its report. Queued at low priority: users' own submissions are graded first."""

    class Kind(models.TextChoices):
        ONE = "one", "Selected submissions, against their own versions"
        ACCEPTED = "accepted", "Accepted submissions, against the live version (report only)"
        FAILED = "failed", "Internal Errors, against their own versions"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    problem = models.ForeignKey(Problem, null=True, blank=True, on_delete=models.CASCADE, related_name="rejudges")
    version = models.ForeignKey(ProblemVersion, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")  # the target of an ACCEPTED rejudge
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"rejudge #{self.pk} ({self.kind})"


class RejudgeItem(models.Model):
    """One submission of a rejudge: its verdict before, and after (empty until graded)."""

    rejudge = models.ForeignKey(Rejudge, on_delete=models.CASCADE, related_name="items")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="+")
    old_verdict = models.CharField(max_length=4, blank=True)
    new_verdict = models.CharField(max_length=4, blank=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["submission_id"]

    @property
    def changed(self) -> bool:
        return bool(self.new_verdict) and self.new_verdict != self.old_verdict
