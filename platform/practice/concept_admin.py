"""The concept-question form of the admin: checked by the same loader as problems/concepts/*.yaml.

The form's values are written out as the YAML file would be and loaded with `graders.concepts.load_concept`,
so a question made in the admin obeys exactly the rules of one written in the repository, and each message
is shown beside the field it names. Options are fixed rows (the loader allows 3 to 5).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from django import forms

from graders.concepts import MAX_OPTIONS, load_concept
from graders.package import PackageError
from graders.topics import DIFFICULTIES, TOPICS
from judge.models import Problem
from practice.models import Concept
from practice.sync import row_fields

OPTIONS = range(1, MAX_OPTIONS + 1)
PATH = re.compile(r"^problems/concepts/[^:]+: (?P<path>[^:]+): ")


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_area(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "cols": 100})


class ConceptFields(forms.ModelForm):
    """The question's own fields; `ConceptForm` adds a text, correct and rationale field per option."""

    topics = forms.MultipleChoiceField(choices=sorted(TOPICS.items(), key=lambda t: t[1]),
                                       widget=forms.CheckboxSelectMultiple)
    difficulty = forms.ChoiceField(choices=[(d, d) for d in DIFFICULTIES])
    key_points = forms.CharField(widget=text_area(5), help_text="One per line; at least three.")
    prompt = forms.CharField(required=False, widget=text_area(2), label="Multiple-choice prompt",
                             help_text="Leave the prompt and every option empty for a question without choices.")
    related = forms.CharField(required=False, help_text="Coding-problem slugs, separated by spaces or commas.")
    seed_refs = forms.CharField(required=False, help_text="One per line, like `seed-000 #4`.")

    class Meta:
        model = Concept
        fields = ("slug", "title", "topics", "difficulty", "question", "answer", "explanation", "key_points",
                  "related", "seed_refs", "is_active")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        concept = self.instance
        if concept.pk:
            self.initial.update({"key_points": "\n".join(concept.key_points), "related": " ".join(concept.related),
                                 "seed_refs": "\n".join(concept.seed_refs)})
            choices = concept.choices or {}
            self.initial["prompt"] = choices.get("prompt", "")
            for i, option in zip(OPTIONS, choices.get("options", []), strict=False):
                self.initial.update({f"option_{i}_text": option["text"], f"option_{i}_correct": option["correct"],
                                     f"option_{i}_rationale": option["rationale"]})

    def as_file(self) -> dict[str, Any]:
        """The cleaned values as the fields of a problems/concepts/<slug>.yaml file."""
        data = self.cleaned_data
        options = [{"text": data[f"option_{i}_text"], "correct": data[f"option_{i}_correct"],
                    "rationale": data[f"option_{i}_rationale"]}
                   for i in OPTIONS if data[f"option_{i}_text"].strip() or data[f"option_{i}_rationale"].strip()]
        meta: dict[str, Any] = {key: data.get(key) for key in ("slug", "title", "topics", "difficulty", "question",
                                                             "answer", "explanation")}
        meta["key_points"] = lines(data["key_points"])
        if data["prompt"].strip() or options:
            meta["choices"] = {"prompt": data["prompt"], "options": options}
        meta["related"] = re.split(r"[\s,]+", data["related"].strip()) if data["related"].strip() else []
        meta["seed_refs"] = lines(data["seed_refs"])
        return meta

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        meta = self.as_file()
        text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        try:
            self.loaded = load_concept(text, f"problems/concepts/{meta['slug']}.yaml")
        except PackageError as exc:
            for message in exc.errors:
                self.add_error(self.field_for(message), message)
            return data
        known = set(Problem.objects.filter(slug__in=self.loaded.related).values_list("slug", flat=True))
        missing = [slug for slug in self.loaded.related if slug not in known]
        if missing:  # as sync_concepts refuses a dangling link, so does the admin
            self.add_error("related", f"no coding problem {', '.join(map(repr, missing))}")
        return data

    def field_for(self, message: str) -> str | None:
        """The form field a loader message names (`choices.options[2].rationale` is option 3's rationale)."""
        match = PATH.match(message)
        path = match["path"] if match else ""
        option = re.match(r"choices\.options\[(\d+)\]\.(text|correct|rationale)", path)
        if option:
            return f"option_{int(option[1]) + 1}_{option[2]}"
        if path.startswith("choices"):
            return "prompt"
        head = re.match(r"[a-z_]*", path).group(0)
        return head if head in self.fields else None

    def save(self, commit: bool = True) -> Concept:
        """Store the loaded question exactly as `sync_concepts` stores a file's (its version included)."""
        values = row_fields(self.loaded)
        del values["is_active"]  # the form's own checkbox says that
        for name, value in values.items():
            setattr(self.instance, name, value)
        return super().save(commit)


def option_fields() -> dict[str, Any]:
    """Declared (not added in __init__) so the admin's fieldsets can name them."""
    fields: dict[str, Any] = {"__module__": __name__}
    for i in OPTIONS:
        fields[f"option_{i}_text"] = forms.CharField(required=False, label=f"Option {i}")
        fields[f"option_{i}_correct"] = forms.BooleanField(required=False, label="correct")
        fields[f"option_{i}_rationale"] = forms.CharField(required=False, label=f"Option {i} rationale",
                                                          widget=text_area(2), help_text="Why it is right or wrong.")
    return fields


ConceptForm = type("ConceptForm", (ConceptFields,), option_fields())
