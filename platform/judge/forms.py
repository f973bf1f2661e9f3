from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm

from graders import custom_input
from graders.package import ProblemPackage
from graders.topics import DIFFICULTIES, TOPICS
from judge.validators import validate_code


def parse_custom_input(text: str, package: ProblemPackage) -> dict[str, Any]:
    """The custom input's parameters, or a ValidationError with the reason (shared by the page and the API)."""
    try:
        return custom_input.parse(text, package)
    except custom_input.CustomInputError as exc:
        raise forms.ValidationError(f"Custom input: {exc}.") from exc


class SubmissionForm(forms.Form):
    """Run, Submit, or Run on custom input ("custom": a Run with one more case, see graders.custom_input)."""

    code = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "autocapitalize": "off",
                                     "autocomplete": "off", "data-editor": "python"}),
        strip=False,
    )
    mode = forms.ChoiceField(choices=[("run", "Run"), ("submit", "Submit"), ("custom", "Run on custom input")],
                             initial="submit")
    custom_input = forms.CharField(required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, package: ProblemPackage | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.package = package

    def clean_code(self) -> str:
        return validate_code(self.cleaned_data["code"])

    def clean(self) -> dict[str, Any]:
        """A custom-input Run is a Run with its parameters; any other mode carries none."""
        data = super().clean()
        if data.get("mode") == "custom":
            data["mode"] = "run"
            data["custom_input"] = parse_custom_input(data.get("custom_input") or "", self.package)
        else:
            data["custom_input"] = None
        return data


class ProblemFilterForm(forms.Form):
    """The problem list's filters (GET). Status only means something for a logged-in user."""

    q = forms.CharField(required=False, label="Search", max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Search: words, in any order"}))
    difficulty = forms.ChoiceField(required=False, choices=[("", "Any difficulty")]
                                   + [(d, d.title()) for d in DIFFICULTIES])
    topic = forms.ChoiceField(required=False, choices=[("", "Any topic")] + sorted(TOPICS.items(), key=lambda t: t[1]))
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), ("coding", "Coding"),
                                                      ("debugging", "Debugging"), ("concept", "Concept")])
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), ("solved", "Solved"),
                                                        ("attempted", "Attempted"), ("new", "New")])

    def __init__(self, *args, authenticated: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not authenticated:
            del self.fields["status"]


class SignupForm(UserCreationForm):
    """Sign-up with an optional email address: only needed to reset a forgotten password."""

    email = forms.EmailField(required=False, help_text="Optional: lets you reset a forgotten password.")

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")
