"""Authoring a problem version in the admin: the draft form, and a package's files to and from it.

A draft is saved as a new, content-hashed `ProblemVersion` (the same files always give the same version, as
with `sync_problems`), so a version that was validated or made live never changes under anyone. The form
edits every file of a package; `problem.yaml` is edited as fields and written back in one fixed layout.
Saving runs `graders.package.load_package`, and each of its messages is shown beside the field it names.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from django import forms

from graders.package import VERDICTS, PackageError, ProblemPackage, load_package
from graders.topics import DIFFICULTIES, KINDS, TOPICS

# Form field -> package file, for the files edited as text.
TEXT_FILES = {"statement": "statement.md", "starter": "starter.py", "reference": "reference.py",
              "tests_py": "tests.py", "editorial": "editorial.md"}
# problem.yaml keys edited as plain form fields (hints, tests and the solutions are handled apart). Every other
# key (limits, timing, tolerances, forbid, and any the package format gains) is edited as YAML in `settings`.
META_FIELDS = ("title", "kind", "difficulty", "topics", "entry", "signature", "gpu")
OWN_FIELDS = ("slug", *META_FIELDS, "tests", "hints", "wrong", "accepted")
SOLUTION_NAME = re.compile(r"^[a-z0-9_]+$")
SOLUTION_FOLDERS = ("accepted/", "wrong/")
MESSAGE = re.compile(r"^problems/[^/]+/(?P<file>[^:]+): (?:(?P<path>[^:]+): )?")

SKELETON_STATEMENT = "Implement `solve(x)`, which ...\n\nReturn a tensor of the same shape as `x`.\n"
SKELETON_CODE = "import torch\n\n\ndef solve(x: torch.Tensor) -> torch.Tensor:\n    raise NotImplementedError\n"
SKELETON_TESTS_PY = ("import torch\n\n\ndef make_inputs(params: dict, generator: torch.Generator) -> dict:\n"
                     "    return {\"x\": torch.randn(*params[\"shape\"], generator=generator)}\n")
SKELETON_TESTS = {
    "sample": [{"name": f"sample-{i}", "seed": i, "params": {"shape": [2, 3]}} for i in (1, 2)],
    "hidden": [{"name": f"hidden-{i}", "seed": 10 + i, "params": {"shape": [4, 8]}} for i in range(1, 6)],
    "benchmark": [{"name": "large", "seed": 100, "params": {"shape": [512, 1024]}}],
}


def dump_yaml(data: Any) -> str:
    """YAML as authors write it in problems/: block mappings, short lists and test rows on one line each."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)


def normalise(text: str) -> str:
    """Browsers post textareas with CRLF line ends; files keep LF, exactly as `sync_problems` reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class CodeWidget(forms.Textarea):
    """A textarea the site's CodeMirror bundle turns into an editor (static/vendor/editor.bundle.js)."""

    def __init__(self, language: str = "python", rows: int = 16) -> None:
        super().__init__(attrs={"data-editor": language, "rows": rows, "spellcheck": "false",
                                "class": "tj-code", "autocomplete": "off"})


class TextFile(forms.CharField):
    """A file's text: never stripped (a trailing newline is part of the file), line ends made LF."""

    def __init__(self, language: str = "python", rows: int = 16, **kwargs: Any) -> None:
        super().__init__(strip=False, widget=CodeWidget(language, rows), **kwargs)

    def to_python(self, value: Any) -> str:
        return normalise(super().to_python(value))


class YamlField(TextFile):
    """A YAML fragment of problem.yaml; a parse error is reported here, the structure by the package check."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(language="yaml", rows=12, **kwargs)

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        try:
            return yaml.safe_load(text) if text.strip() else None
        except yaml.YAMLError as exc:
            raise forms.ValidationError(f"not valid YAML: {exc}") from exc


class DraftForm(forms.Form):
    """Every part of a package except its other solutions (a formset of `SolutionForm`)."""

    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=[(k, k) for k in KINDS])
    difficulty = forms.ChoiceField(choices=[(d, d) for d in DIFFICULTIES])
    topics = forms.MultipleChoiceField(choices=sorted(TOPICS.items(), key=lambda t: t[1]),
                                       widget=forms.CheckboxSelectMultiple)
    entry = forms.CharField(max_length=100, help_text="The function or class a solution must define.")
    signature = forms.CharField(max_length=1000, widget=forms.TextInput(attrs={"size": 90}))
    gpu = forms.BooleanField(required=False, label="Needs a GPU", help_text="Graded on a GPU worker.")
    statement = TextFile("markdown", 14, help_text="Markdown with $TeX$ math.")
    starter = TextFile()
    reference = TextFile()
    tests_py = TextFile(label="tests.py", help_text="Defines make_inputs(params, generator); optionally run and "
                        "check (docs/problem-format.md).")
    tests = YamlField(label="Tests", help_text="sample (at least 2), hidden (at least 5) and benchmark "
                      "(at least 1) lists of {name, seed, params, weight}.")
    settings = YamlField(required=False, label="Other settings",
                         help_text="The rest of problem.yaml, e.g. limits, timing and tolerances overrides.")
    hint_1 = forms.CharField(label="Hint 1 (a nudge)", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    hint_2 = forms.CharField(label="Hint 2", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    hint_3 = forms.CharField(label="Hint 3 (nearly the answer)", widget=forms.Textarea(attrs={"rows": 2}),
                             required=False)
    editorial = TextFile("markdown", 10, required=False, help_text="Shown after Accepted or a give-up.")

    def clean_settings(self) -> dict[str, Any]:
        value = self.cleaned_data["settings"] or {}
        if not isinstance(value, dict):
            raise forms.ValidationError("must be a mapping of problem.yaml fields, e.g. `limits: {wall_s: 20}`")
        if set(value) & set(OWN_FIELDS):
            raise forms.ValidationError(f"{', '.join(sorted(set(value) & set(OWN_FIELDS)))} "
                                        "have their own fields on this page")
        return value


class SolutionForm(forms.Form):
    """A solution besides the reference and the verdict it must get: an accepted variant (`accepted/<name>.py`,
    AC: another correct way, which shows the tolerances are not too tight) or a wrong one (`wrong/<name>.py`)."""

    name = forms.CharField(max_length=60, help_text="Saved as accepted/<name>.py for AC, else wrong/<name>.py.")
    verdict = forms.ChoiceField(choices=[("", "—"), ("AC", "AC (an accepted variant)")]
                                + [(v, v) for v in VERDICTS if v != "AC"])
    why = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"size": 80}),
                          help_text="How it differs from the reference, or why it is wrong.")
    code = TextFile(rows=10)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        for folder in SOLUTION_FOLDERS:
            name = name.removeprefix(folder)
        name = name.removesuffix(".py")
        if not SOLUTION_NAME.match(name):
            raise forms.ValidationError("use lowercase letters, digits and underscores, like `naive_exp`")
        return name


SolutionFormSet = forms.formset_factory(SolutionForm, extra=1, can_delete=True)


def solution_file(row: dict[str, Any]) -> str:
    return f"{'accepted' if row['verdict'] == 'AC' else 'wrong'}/{row['name']}.py"


def skeleton(slug: str, title: str, kind: str, difficulty: str) -> dict[str, str]:
    """The files a new problem starts from: every part present, to be replaced by the author."""
    meta = {"slug": slug, "title": title, "kind": kind, "difficulty": difficulty, "topics": [], "entry": "solve",
            "signature": "def solve(x: torch.Tensor) -> torch.Tensor", "tests": SKELETON_TESTS,
            "hints": ["", "", ""], "wrong": []}
    return {"problem.yaml": dump_yaml(meta), "statement.md": SKELETON_STATEMENT, "starter.py": SKELETON_CODE,
            "reference.py": SKELETON_CODE, "tests.py": SKELETON_TESTS_PY}


def initial_data(files: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A version's files as the draft form's and the solution formset's initial values (accepted variants,
    then wrong solutions, each in the order problem.yaml lists them)."""
    meta = yaml.safe_load(files.get("problem.yaml", "")) or {}
    data: dict[str, Any] = {key: meta.get(key) for key in META_FIELDS}
    data["gpu"] = bool(meta.get("gpu"))
    data.update({field: files.get(name, "") for field, name in TEXT_FILES.items()})
    data["tests"] = dump_yaml(meta.get("tests") or {})
    settings = {key: value for key, value in meta.items() if key not in OWN_FIELDS}
    data["settings"] = dump_yaml(settings) if settings else ""
    hints = list(meta.get("hints") or []) + ["", "", ""]
    data.update({"hint_1": hints[0], "hint_2": hints[1], "hint_3": hints[2]})
    listed = [("accepted/", {**a, "verdict": "AC"}) for a in meta.get("accepted") or [] if isinstance(a, dict)]
    listed += [("wrong/", w) for w in meta.get("wrong") or [] if isinstance(w, dict)]
    solutions = [{"name": str(row.get("file", "")).removeprefix(folder).removesuffix(".py"),
                  "verdict": row.get("verdict"), "why": row.get("why"), "code": files.get(str(row.get("file")), "")}
                 for folder, row in listed]
    return data, solutions


def build_files(slug: str, data: dict[str, Any], solutions: list[dict[str, Any]],
                carried: dict[str, str]) -> dict[str, str]:
    """The package's files from the cleaned form: problem.yaml in its fixed layout, then every text file.

    `carried` holds files the form does not edit (e.g. data files of an imported package); they are kept."""
    meta: dict[str, Any] = {"slug": slug, **{key: data[key] for key in META_FIELDS if key != "gpu"}}
    if data["gpu"]:
        meta["gpu"] = True
    meta.update(data["settings"])
    meta["tests"] = data["tests"]
    meta["hints"] = [data[f"hint_{i}"] for i in (1, 2, 3) if data[f"hint_{i}"].strip()]
    accepted = [{"file": solution_file(a), "why": a["why"]} for a in solutions if a["verdict"] == "AC"]
    if accepted:
        meta["accepted"] = accepted
    meta["wrong"] = [{"file": solution_file(w), "verdict": w["verdict"], "why": w["why"]}
                     for w in solutions if w["verdict"] != "AC"]
    files = {name: text for name, text in carried.items() if name not in TEXT_FILES.values()
             and name != "problem.yaml" and not name.startswith(SOLUTION_FOLDERS)}
    files["problem.yaml"] = dump_yaml(meta)
    files.update({name: data[field] for field, name in TEXT_FILES.items() if data[field] or name != "editorial.md"})
    files.update({solution_file(row): row["code"] for row in solutions})
    return files


def error_target(message: str, solution_files: list[str]) -> tuple[str, int | None]:
    """Which form field a package message is about: (field, None) on the draft form, (field, i) on the i-th
    solution form, whose files are `solution_files` in the formset's order.

    Messages look like `problems/<slug>/problem.yaml: tests.hidden[2].seed: must be ...` or
    `problems/<slug>/reference.py: line 3: syntax error: ...`; anything else is a form-wide error ("")."""
    match = MESSAGE.match(message)
    if match is None:
        return "", None
    file, path = match["file"], match["path"] or ""
    if file == "problem.yaml":
        head = re.match(r"[a-z_]*", path).group(0)
        if head in META_FIELDS or head == "tests":
            return head, None
        if head == "hints":
            return "hint_1", None
        index = re.match(r"(wrong|accepted)\[(\d+)\]\.(\w+)", path)
        if index is not None:
            same_folder = [i for i, f in enumerate(solution_files) if f.startswith(f"{index[1]}/")]
            if int(index[2]) < len(same_folder):
                return {"file": "name"}.get(index[3], index[3]), same_folder[int(index[2])]
            return "", None
        return ("settings" if head and head not in OWN_FIELDS else ""), None
    for field, name in TEXT_FILES.items():
        if file == name:
            return field, None
    if file in solution_files:
        return "code", solution_files.index(file)
    return "", None


def check_draft(slug: str, form: DraftForm, formset: forms.BaseFormSet,
                carried: dict[str, str]) -> ProblemPackage | None:
    """Validate the whole draft; on a structural mistake, put each message beside its field and return None."""
    if not (form.is_valid() and formset.is_valid()):
        return None
    live = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    solutions = [f.cleaned_data for f in live]
    names = [s["name"] for s in solutions]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        form.add_error(None, f"two solutions are both named {dup!r}; names must differ")
        return None
    files = build_files(slug, form.cleaned_data, solutions, carried)
    try:
        return load_package(files, f"problems/{slug}")
    except PackageError as exc:
        for message in exc.errors:
            field, index = error_target(message, [solution_file(s) for s in solutions])
            if index is not None and index < len(live):
                live[index].add_error(field, message)
            else:
                form.add_error(field or None, message)
        return None
