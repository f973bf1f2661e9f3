"""Problem packages: a folder under `problems/` (or the same files from the database), checked and loaded.

A package is validated as a whole and every mistake is reported at once, each naming the file, the field,
what is wrong and what would be right. A package's version is the hash of its files, so the same files
always give the same version and any change gives a new one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graders.sandbox import forbid as forbidding
from graders.sandbox import preload as preloading
from graders.topics import DIFFICULTIES, KINDS, TOPICS

REQUIRED_FILES = ("problem.yaml", "statement.md", "starter.py", "reference.py", "tests.py")
OPTIONAL_FILES = ("editorial.md",)
VERDICTS = ("AC", "WA", "TLE", "MLE", "OLE", "RE", "CE")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NUMBER_LIKE = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$")

DEFAULT_LIMITS: dict[str, float] = {
    "wall_s": 10,  # one test, wall clock
    "cpu_s": 10,  # one test, CPU time
    "memory_mb": 2048,  # the whole sandbox (cgroup), reference included
    "load_s": 60,  # importing the solution (torch and transformers imports are slow)
    "output_bytes": 1 << 20,  # what the solution may print
    "result_bytes": 64 << 20,  # the size of one returned value
    "file_bytes": 16 << 20,  # the largest file the solution may write to its tmpfs
    "cpu_total_s": 600,  # the solution process over its whole life
    "reference_wall_s": 60,  # one reference call
}
# budget_s is the whole timing phase of a Submit, shared by the benchmark cases: a Submit must answer in
# seconds. No pair starts that would end past it. The stopping rule on the relative standard error (rse)
# ends a case sooner only on a very steady machine.
DEFAULT_TIMING: dict[str, float] = {"warmup": 2, "min_runs": 10, "max_runs": 400, "rse": 0.01, "budget_s": 2.2}


class PackageError(Exception):
    """A package is invalid; `errors` lists every problem found, each a complete sentence."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class TestCase:
    name: str
    kind: str  # sample | hidden | benchmark | benchmark_gpu
    seed: int
    params: dict[str, Any]
    weight: float = 1.0


@dataclass(frozen=True)
class WrongSolution:
    file: str
    verdict: str
    why: str


@dataclass(frozen=True)
class AcceptedSolution:
    """A right solution computed differently from the reference (another rounding, another formula):
    validation expects it to be Accepted under every salt, which shows the tolerances are not too tight."""

    file: str
    why: str


@dataclass(frozen=True)
class ProblemPackage:
    slug: str
    title: str
    kind: str
    difficulty: str
    topics: tuple[str, ...]
    entry: str
    signature: str
    gpu: bool
    limits: dict[str, float]
    timing: dict[str, float]
    tolerances: dict[str, dict[str, float]]
    tests: tuple[TestCase, ...]
    hints: tuple[str, ...]
    wrong: tuple[WrongSolution, ...]
    files: dict[str, str] = field(repr=False)
    forbid: dict[str, list[str]] | None = None  # modules, callables, attributes (graders/sandbox/forbid.py)
    accepted: tuple[AcceptedSolution, ...] = ()
    version: str = ""

    def test_cases(self, kind: str) -> list[TestCase]:
        return [t for t in self.tests if t.kind == kind]

    def benchmarks(self, on_gpu: bool) -> list[TestCase]:
        """The timed cases: `benchmark_gpu` (sized to fill a GPU) on a GPU when the package has them, else
        `benchmark` (sized for one CPU core), so the same problem validates quickly on a CPU-only CI."""
        return (on_gpu and self.test_cases("benchmark_gpu")) or self.test_cases("benchmark")

    @property
    def statement(self) -> str:
        return self.files["statement.md"]

    @property
    def starter(self) -> str:
        return self.files["starter.py"]

    @property
    def reference(self) -> str:
        return self.files["reference.py"]

    @property
    def editorial(self) -> str:
        return self.files.get("editorial.md", "")

    @property
    def preload(self) -> tuple[str, ...]:
        """The heavy libraries (graders/sandbox/preload.py) the problem's driver or reference imports: its
        jobs go to a sandbox that imported them while waiting."""
        code = self.files["tests.py"] + "\n" + self.reference
        return tuple(name for name in sorted(preloading.LIBRARIES)
                     if re.search(rf"^\s*(from|import)\s+{name}\b", code, re.MULTILINE))


def content_hash(files: dict[str, str]) -> str:
    """The version of a package: a hash of its file names and contents."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    return digest.hexdigest()[:16]


def read_folder(folder: Path) -> dict[str, str]:
    """Every text file of a package folder, by path relative to it."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
            files[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
    return files


class _Checker:
    """Collects errors about one package's problem.yaml, phrased as `file: field: what, expected what`."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.errors: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{self.where}/problem.yaml: {path}: {message}")

    def string(self, data: dict, key: str, path: str = "", required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(path + key, f"must be a non-empty string, got {value!r}")
            return ""
        return value

    def choice(self, data: dict, key: str, options: tuple[str, ...] | list[str]) -> str:
        value = data.get(key)
        if value not in options:
            self.error(key, f"must be one of {', '.join(options)}; got {value!r}")
            return ""
        return value


def _tests(check: _Checker, raw: Any) -> list[TestCase]:
    cases: list[TestCase] = []
    if not isinstance(raw, dict):
        check.error("tests", "must be a mapping with lists `sample`, `hidden` and `benchmark`")
        return cases
    minimum = {"sample": 2, "hidden": 5, "benchmark": 1, "benchmark_gpu": 0}
    for kind, least in minimum.items():
        items = raw.get(kind, [] if least == 0 else None)
        if not isinstance(items, list) or len(items) < least:
            check.error(f"tests.{kind}", f"must be a list of at least {least} test(s), got {items!r:.60}")
            continue
        for i, item in enumerate(items):
            path = f"tests.{kind}[{i}]"
            if not isinstance(item, dict):
                check.error(path, "must be a mapping with `name`, `seed` and `params`")
                continue
            name = item.get("name")
            if not isinstance(name, str) or not SLUG.match(name):
                check.error(f"{path}.name", f"must be a lowercase slug like `batch-1`, got {name!r}")
            seed = item.get("seed")
            if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**62:
                check.error(f"{path}.seed", f"must be an integer between 0 and 2**62, got {seed!r}")
            params = item.get("params", {})
            if not isinstance(params, dict):
                check.error(f"{path}.params", f"must be a mapping of generator parameters, got {params!r:.60}")
            else:
                for key, value in params.items():
                    if isinstance(value, str) and NUMBER_LIKE.match(value):
                        check.error(f"{path}.params.{key}", f"{value!r} is a string, not a number: YAML needs a "
                                    f"signed exponent or a decimal point, e.g. 1.0e+30")
            weight = item.get("weight", 1)
            if not isinstance(weight, (int, float)) or weight <= 0:
                check.error(f"{path}.weight", f"must be a positive number, got {weight!r}")
            extra = set(item) - {"name", "seed", "params", "weight"}
            if extra:
                check.error(path, f"unknown field(s) {', '.join(sorted(extra))}; allowed: name, seed, params, weight")
            if isinstance(name, str) and isinstance(seed, int) and isinstance(params, dict):
                numeric = isinstance(weight, (int, float))
                cases.append(TestCase(name, kind, seed, params, float(weight) if numeric else 1.0))
    names = [c.name for c in cases]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        check.error("tests", f"test name {dup!r} is used more than once; names must be unique")
    return cases


def _overrides(check: _Checker, meta: dict, key: str, defaults: dict[str, float]) -> dict[str, float]:
    raw = meta.get(key) or {}
    result = dict(defaults)
    if not isinstance(raw, dict):
        check.error(key, f"must be a mapping of {', '.join(defaults)}")
        return result
    for name, value in raw.items():
        if name not in defaults:
            check.error(f"{key}.{name}", f"unknown setting; allowed: {', '.join(defaults)}")
        elif not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            check.error(f"{key}.{name}", f"must be a positive number, got {value!r}")
        else:
            result[name] = value
    return result


def _accepted(check: _Checker, raw: Any, files: dict[str, str]) -> list[AcceptedSolution]:
    """The optional `accepted:` list: [{file: accepted/x.py, why: ...}], each graded and expected AC."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        check.error("accepted", "must be a list of {file: accepted/x.py, why: ...}")
        return []
    found = []
    for i, item in enumerate(raw):
        file = item.get("file") if isinstance(item, dict) else None
        why = item.get("why") if isinstance(item, dict) else None
        if not isinstance(file, str) or not file.startswith("accepted/") or file not in files:
            check.error(f"accepted[{i}].file", f"must name an existing file under accepted/, got {file!r}")
        elif not isinstance(why, str) or not why.strip():
            check.error(f"accepted[{i}].why", "must say in a sentence how the solution differs from the reference")
        elif set(item) - {"file", "why"}:
            check.error(f"accepted[{i}]", f"unknown field(s) {', '.join(sorted(set(item) - {'file', 'why'}))}; "
                        "allowed: file, why")
        else:
            found.append(AcceptedSolution(file, why))
    return found


def load_package(files: dict[str, str], where: str) -> ProblemPackage:
    """Validate and load a package from its files; raise PackageError listing every problem."""
    errors = [f"{where}/{name}: missing; every package needs {', '.join(REQUIRED_FILES)}"
              for name in REQUIRED_FILES if name not in files]
    if "problem.yaml" not in files:
        raise PackageError(errors)
    check = _Checker(where)
    check.errors = errors
    try:
        meta = yaml.safe_load(files["problem.yaml"])
    except yaml.YAMLError as exc:
        raise PackageError([*errors, f"{where}/problem.yaml: not valid YAML: {exc}"]) from exc
    if not isinstance(meta, dict):
        raise PackageError([*errors, f"{where}/problem.yaml: must be a mapping of fields, got {type(meta).__name__}"])

    slug = check.string(meta, "slug")
    if slug and not SLUG.match(slug):
        check.error("slug", f"must be a lowercase slug like `stable-softmax`, got {slug!r}")
    folder = where.rstrip("/").rsplit("/", 1)[-1]
    if slug and folder != slug and "/" in where:
        check.error("slug", f"must equal the folder name {folder!r}, got {slug!r}")
    title = check.string(meta, "title")
    kind = check.choice(meta, "kind", KINDS)
    difficulty = check.choice(meta, "difficulty", DIFFICULTIES)
    topics = meta.get("topics")
    if not isinstance(topics, list) or not topics:
        check.error("topics", "must be a non-empty list of topic slugs from graders/topics.py")
        topics = []
    for topic in topics:
        if topic not in TOPICS:
            check.error("topics", f"unknown topic {topic!r}; known topics: {', '.join(TOPICS)}")
    entry = check.string(meta, "entry")
    if entry and not entry.isidentifier():
        check.error("entry", f"must be a Python identifier (the function or class to implement), got {entry!r}")
    signature = check.string(meta, "signature")
    gpu = meta.get("gpu", False)
    if not isinstance(gpu, bool):
        check.error("gpu", f"must be true or false, got {gpu!r}")
    limits = _overrides(check, meta, "limits", DEFAULT_LIMITS)
    timing = _overrides(check, meta, "timing", DEFAULT_TIMING)
    tolerances = meta.get("tolerances") or {}
    if not isinstance(tolerances, dict) or not all(
        isinstance(v, dict) and set(v) <= {"atol", "rtol"} for v in tolerances.values()
    ):
        check.error("tolerances", "must map a dtype name (float32, float64, float16, bfloat16, float) "
                    "to {atol: number, rtol: number}")
        tolerances = {}
    tests = _tests(check, meta.get("tests"))
    if gpu is True and not any(t.kind == "benchmark_gpu" for t in tests):
        check.error("tests.benchmark_gpu", "a gpu: true problem needs at least one benchmark sized for a GPU "
                    "(the reference should take 0.5-20 ms on a data-centre GPU)")
    hints = meta.get("hints")
    if not isinstance(hints, list) or len(hints) != 3 or not all(isinstance(h, str) and h.strip() for h in hints):
        check.error("hints", "must be a list of exactly three hints, from a nudge to nearly the answer")
        hints = []
    wrong: list[WrongSolution] = []
    raw_wrong = meta.get("wrong")
    if not isinstance(raw_wrong, list) or len(raw_wrong) < 2:
        check.error("wrong", "must list at least two wrong solutions as {file: wrong/x.py, verdict: WA, why: ...}")
        raw_wrong = []
    for i, item in enumerate(raw_wrong):
        path = f"wrong[{i}]"
        if not isinstance(item, dict):
            check.error(path, "must be a mapping with `file`, `verdict` and `why`")
            continue
        file = item.get("file")
        if not isinstance(file, str) or not file.startswith("wrong/") or file not in files:
            check.error(f"{path}.file", f"must name an existing file under wrong/, got {file!r}")
        if item.get("verdict") not in VERDICTS or item.get("verdict") == "AC":
            check.error(f"{path}.verdict", f"must be one of {', '.join(VERDICTS[1:])}, got {item.get('verdict')!r}")
        why = item.get("why")
        if not isinstance(why, str) or not why.strip():
            check.error(f"{path}.why", "must say in a sentence why the solution is wrong")
        if isinstance(file, str) and item.get("verdict") in VERDICTS:
            wrong.append(WrongSolution(file, item["verdict"], str(why or "")))
    accepted = _accepted(check, meta.get("accepted"), files)
    forbid = meta.get("forbid")
    for message in forbidding.config_errors(forbid):
        check.error(*message.split(": ", 1))
    if "reference.py" in files and not check.errors:
        violation = forbidding.scan(files["reference.py"], forbid)
        if violation:
            check.errors.append(f"{where}/reference.py: {violation}: the reference must obey its own `forbid:`")
    known = {"slug", "title", "kind", "difficulty", "topics", "entry", "signature", "gpu", "limits", "timing",
             "tolerances", "tests", "hints", "wrong", "forbid", "accepted"}
    for extra in sorted(set(meta) - known):
        check.error(extra, f"unknown field; allowed: {', '.join(sorted(known))}")
    for name, text in files.items():
        if name.endswith(".py"):
            try:
                compile(text, f"{where}/{name}", "exec")
            except SyntaxError as exc:
                if not (name.startswith("wrong/") and any(w.file == name and w.verdict == "CE" for w in wrong)):
                    check.errors.append(f"{where}/{name}: line {exc.lineno}: syntax error: {exc.msg}")
    if "tests.py" in files and "def make_inputs(" not in files["tests.py"]:
        check.errors.append(f"{where}/tests.py: must define `make_inputs(params, generator)`")
    if check.errors:
        raise PackageError(check.errors)
    return ProblemPackage(
        slug=slug, title=title, kind=kind, difficulty=difficulty, topics=tuple(topics), entry=entry,
        signature=signature, gpu=gpu, limits=limits, timing=timing, tolerances=tolerances, tests=tuple(tests),
        hints=tuple(hints), wrong=tuple(wrong), files=dict(files), version=content_hash(files), forbid=forbid,
        accepted=tuple(accepted),
    )


def load_folder(folder: Path) -> ProblemPackage:
    """Load the package in `folder`, naming files relative to the repository's problems/ parent."""
    return load_package(read_folder(folder), f"{folder.parent.name}/{folder.name}")


def problem_folders(root: Path) -> list[Path]:
    """Every coding-problem folder under `root` (folders holding a problem.yaml)."""
    return sorted(p.parent for p in root.glob("*/problem.yaml"))
