"""Concept questions: `problems/concepts/<slug>.yaml`, checked and loaded.

Concept questions are the conceptual half of the bank (what an interviewer asks at the whiteboard), next to
the coding problems of graders/package.py. They are validated the same way: every mistake in a file is
reported at once, each naming the file, the field, what is wrong and what would be right, so an author fixes
a file in one pass instead of one error per run. No Django here: the loader is used by tests, by the coverage
report (graders/coverage.py) and by the site's import command alike.

Multiple choice: an option list may mark *several* options correct (at least one). A question such as "which
of these reduce overfitting?" honestly has more than one right answer, and forcing exactly one would push
authors towards contrived distractors. The grader treats the set of correct options as the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graders.package import SLUG, PackageError, content_hash, problem_folders
from graders.topics import DIFFICULTIES, TOPICS

SEED_REF = re.compile(r"^seed-\d{3} #[1-9]\d*$")
MIN_KEY_POINTS = 3
MIN_OPTIONS, MAX_OPTIONS = 3, 5
FIELDS = ("slug", "title", "topics", "difficulty", "question", "answer", "explanation", "key_points", "choices",
          "more_choices", "related", "seed_refs")


@dataclass(frozen=True)
class Option:
    """One multiple-choice option; the rationale says why it is right or wrong, shown after answering."""

    text: str
    correct: bool
    rationale: str


@dataclass(frozen=True)
class Choice:
    """An auto-graded multiple-choice block; one or more options are correct."""

    prompt: str
    options: tuple[Option, ...]

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)


@dataclass(frozen=True)
class Concept:
    slug: str
    title: str
    topics: tuple[str, ...]
    difficulty: str
    question: str
    answer: str
    explanation: str
    key_points: tuple[str, ...]
    choices: Choice | None
    related: tuple[str, ...]
    seed_refs: tuple[str, ...]
    version: str
    source: str
    more_choices: tuple[Choice, ...] = ()  # further questions on the concept, asked on later attempts


class _Checker:
    """Collects errors about one concept file, phrased as `file: field: what is wrong, what would be right`."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.errors: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{self.where}: {path}: {message}")

    def string(self, data: dict, key: str, path: str = "") -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.error(path + key, f"must be a non-empty string, got {value!r:.60}")
            return ""
        return value

    def string_list(self, data: dict, key: str, what: str, least: int = 0) -> list[str]:
        """A list of non-empty strings (absent means empty when `least` is 0)."""
        value = data.get(key, [] if least == 0 else None)
        if not isinstance(value, list) or len(value) < least:
            need = f"a list of at least {least} {what}" if least else f"a list of {what}"
            self.error(key, f"must be {need}, got {value!r:.60}")
            return []
        good = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(f"{key}[{i}]", f"must be a non-empty string, got {item!r:.60}")
            else:
                good.append(item)
        return good


def _more_choices(check: _Checker, raw: Any, first: Choice | None) -> tuple[Choice, ...]:
    """Further questions: a list of blocks shaped like `choices`, which they need beside them."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        check.error("more_choices", "must be a non-empty list of blocks like `choices`, or be left out")
        return ()
    if first is None:
        check.error("more_choices", "needs a `choices` block: it holds the first question")
    found = [_choices(check, item, f"more_choices[{i}]") for i, item in enumerate(raw)]
    return tuple(c for c in found if c is not None)


def _choices(check: _Checker, raw: Any, where: str = "choices") -> Choice | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        check.error(where, "must be a mapping with `prompt` and `options`, or be left out")
        return None
    prompt = check.string(raw, "prompt", f"{where}.")
    for extra in sorted(set(raw) - {"prompt", "options"}):
        check.error(f"{where}.{extra}", "unknown field; allowed: options, prompt")
    items = raw.get("options")
    if not isinstance(items, list) or not MIN_OPTIONS <= len(items) <= MAX_OPTIONS:
        count = len(items) if isinstance(items, list) else repr(items)[:40]
        check.error(f"{where}.options", f"must be a list of {MIN_OPTIONS} to {MAX_OPTIONS} options, got {count}")
        items = items if isinstance(items, list) else []
    options: list[Option] = []
    for i, item in enumerate(items):
        path = f"{where}.options[{i}]"
        if not isinstance(item, dict):
            check.error(path, "must be a mapping {text: ..., correct: true|false, rationale: ...}")
            continue
        text = check.string(item, "text", path + ".")
        correct = item.get("correct")
        if not isinstance(correct, bool):
            check.error(f"{path}.correct", f"must be true or false, got {correct!r}")
        rationale = check.string(item, "rationale", path + ".")
        for extra in sorted(set(item) - {"text", "correct", "rationale"}):
            check.error(f"{path}.{extra}", "unknown field; allowed: correct, rationale, text")
        options.append(Option(text, correct is True, rationale))
    if options and not any(o.correct for o in options):
        check.error(f"{where}.options", "no option is marked `correct: true`; at least one must be correct")
    texts = [o.text.strip() for o in options if o.text]
    for dup in sorted({t for t in texts if texts.count(t) > 1}):
        check.error(f"{where}.options", f"option text {dup!r:.60} appears more than once; options must differ")
    return Choice(prompt, tuple(options))


def load_concept(text: str, where: str) -> Concept:
    """Validate and load one concept file; raise PackageError listing every problem.

    `where` names the file in messages (e.g. `problems/concepts/x.yaml`); its stem is the required slug.
    Whether `related` coding problems exist is checked separately (see `missing_related`), because it needs
    the problem folders, not just this file; `sync_concepts` refuses a bank with a dangling link.
    """
    check = _Checker(where)
    try:
        meta = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PackageError([f"{where}: not valid YAML: {exc}"]) from exc
    if not isinstance(meta, dict):
        raise PackageError([f"{where}: must be a mapping of fields, got {type(meta).__name__}"])

    stem = Path(where).stem
    slug = check.string(meta, "slug")
    if slug and not SLUG.match(slug):
        check.error("slug", f"must be lowercase words joined by dashes like `bert-pretraining-objectives`, "
                    f"got {slug!r}")
    elif slug and slug != stem:
        check.error("slug", f"must equal the file name {stem!r}, got {slug!r}")
    title = check.string(meta, "title")
    topics = check.string_list(meta, "topics", "topic slugs from graders/topics.py", least=1)
    for topic in topics:
        if topic not in TOPICS:
            check.error("topics", f"unknown topic {topic!r}; known topics: {', '.join(TOPICS)}")
    for dup in sorted({t for t in topics if topics.count(t) > 1}):
        check.error("topics", f"topic {dup!r} is listed more than once")
    difficulty = meta.get("difficulty")
    if difficulty not in DIFFICULTIES:
        check.error("difficulty", f"must be one of {', '.join(DIFFICULTIES)}; got {difficulty!r}")
    question = check.string(meta, "question")
    answer = check.string(meta, "answer")
    explanation = check.string(meta, "explanation")
    key_points = check.string_list(meta, "key_points", "key points a good answer must contain",
                                   least=MIN_KEY_POINTS)
    choices = _choices(check, meta.get("choices"))
    more_choices = _more_choices(check, meta.get("more_choices"), choices)
    related = check.string_list(meta, "related", "coding-problem slugs")
    for i, name in enumerate(related):
        if not SLUG.match(name):
            check.error(f"related[{i}]", f"must be a coding-problem slug like `stable-softmax`, got {name!r}")
    seed_refs = check.string_list(meta, "seed_refs", "seed references")
    for i, ref in enumerate(seed_refs):
        if not SEED_REF.match(ref):
            check.error(f"seed_refs[{i}]", f"must look like `seed-000 #4` (seed file number, question number), "
                        f"got {ref!r}")
    for extra in sorted(set(meta) - set(FIELDS)):
        check.error(extra, f"unknown field; allowed: {', '.join(sorted(FIELDS))}")
    if check.errors:
        raise PackageError(check.errors)
    return Concept(
        slug=slug, title=title, topics=tuple(topics), difficulty=str(difficulty), question=question,
        answer=answer, explanation=explanation, key_points=tuple(key_points), choices=choices,
        related=tuple(related), seed_refs=tuple(seed_refs), version=content_hash({f"{slug}.yaml": text}),
        source=text, more_choices=more_choices,
    )


def concept_files(root: Path) -> list[Path]:
    """Every concept file under `root` (problems/concepts), in a stable order."""
    return sorted(root.glob("*.yaml"))


def load_concepts(root: Path) -> list[Concept]:
    """Load every concept under `root`; raise one PackageError listing the errors of every bad file."""
    concepts: list[Concept] = []
    errors: list[str] = []
    for path in concept_files(root):
        where = f"{root.parent.name}/{root.name}/{path.name}"
        try:
            concepts.append(load_concept(path.read_text(encoding="utf-8"), where))
        except PackageError as exc:
            errors.extend(exc.errors)
    if errors:
        raise PackageError(errors)
    return concepts


def missing_related(concepts: list[Concept], problems_root: Path) -> list[str]:
    """`related` slugs with no `problems/<slug>/problem.yaml`, one message per concept and slug."""
    existing = {folder.name for folder in problem_folders(problems_root)}
    return [f"{problems_root.name}/concepts/{c.slug}.yaml: related: no coding problem {slug!r} "
            f"(expected {problems_root.name}/{slug}/problem.yaml)"
            for c in concepts for slug in c.related if slug not in existing]
