from django import forms
from django.contrib.auth.forms import UserCreationForm

from graders.topics import DIFFICULTIES, TOPICS
from judge.validators import validate_code


class SubmissionForm(forms.Form):
    code = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "autocapitalize": "off",
                                     "autocomplete": "off", "data-editor": "python"}),
        strip=False,
    )
    mode = forms.ChoiceField(choices=[("run", "Run"), ("submit", "Submit")], initial="submit")

    def clean_code(self) -> str:
        return validate_code(self.cleaned_data["code"])


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
