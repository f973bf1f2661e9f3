"""Concept questions: the loader's error messages, the real files, and coverage of topics and seed questions.

Pure logic, no Django: run with `.venv/bin/python -m pytest tests/test_concepts.py -q -p no:django`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from graders import coverage
from graders.concepts import load_concept, load_concepts, missing_related
from graders.package import PackageError
from graders.topics import TOPICS

ROOT = Path(__file__).resolve().parent.parent
CONCEPTS = ROOT / "problems" / "concepts"

GOOD = """\
slug: good-question
title: A good question
topics: [attention, bert]
difficulty: medium
question: Why scale by sqrt(d_k)?
answer: |
  Because the dot product's variance grows with d_k.
explanation: |
  Interviewers then ask about softmax saturation.
key_points:
  - variance grows with d_k
  - softmax saturates
  - gradients vanish
choices:
  prompt: Which is right?
  options:
    - {text: "variance grows", correct: true, rationale: "yes"}
    - {text: "it is arbitrary", correct: false, rationale: "no"}
    - {text: "it speeds things up", correct: false, rationale: "no"}
related: [masked-attention]
seed_refs: ["seed-000 #6"]
"""


def test_good_file_loads_with_all_fields() -> None:
    c = load_concept(GOOD, "problems/concepts/good-question.yaml")
    assert c.slug == "good-question"
    assert c.topics == ("attention", "bert")
    assert c.key_points == ("variance grows with d_k", "softmax saturates", "gradients vanish")
    assert c.choices is not None and c.choices.correct_indexes == (0,)
    assert c.choices.options[1].rationale == "no"
    assert c.related == ("masked-attention",) and c.seed_refs == ("seed-000 #6",)
    assert c.source == GOOD and len(c.version) == 16
    assert load_concept(GOOD, "problems/concepts/good-question.yaml").version == c.version
    assert load_concept(GOOD + "\n", "problems/concepts/good-question.yaml").version != c.version


def test_choices_are_optional_and_several_may_be_correct() -> None:
    no_choices = GOOD.split("choices:")[0] + "related: []\n"
    assert load_concept(no_choices, "problems/concepts/good-question.yaml").choices is None
    two = GOOD.replace('{text: "it is arbitrary", correct: false', '{text: "it is arbitrary", correct: true')
    assert load_concept(two, "problems/concepts/good-question.yaml").choices.correct_indexes == (0, 1)


def test_a_concept_may_have_several_questions() -> None:
    more = GOOD.replace("related:", """more_choices:
  - prompt: And the second?
    options:
      - {text: "a", correct: false, rationale: "no"}
      - {text: "b", correct: true, rationale: "yes"}
      - {text: "c", correct: false, rationale: "no"}
related:""")
    c = load_concept(more, "problems/concepts/good-question.yaml")
    assert [q.prompt for q in (c.choices, *c.more_choices)] == ["Which is right?", "And the second?"]
    assert c.more_choices[0].correct_indexes == (1,)
    bad = more.replace('{text: "b", correct: true', '{text: "b", correct: false')
    with pytest.raises(PackageError, match=r"more_choices\[0\]\.options: no option is marked"):
        load_concept(bad, "problems/concepts/good-question.yaml")
    alone = more.split("choices:")[0] + "more_choices:" + more.split("more_choices:")[1]
    with pytest.raises(PackageError, match="more_choices: needs a `choices` block"):
        load_concept(alone, "problems/concepts/good-question.yaml")


def test_malformed_file_reports_every_error_precisely() -> None:
    bad = """\
slug: Bad_Slug
title: ""
topics: [attention, atention]
difficulty: simple
question: What?
answer: An answer.
key_points: [one, two]
choices:
  prompt: Pick one
  options:
    - {text: "a", correct: false, rationale: "because"}
    - {text: "b", correct: "yes", rationale: ""}
related: [Not A Slug]
seed_refs: ["seed 0 #4"]
colour: blue
"""
    with pytest.raises(PackageError) as info:
        load_concept(bad, "problems/concepts/bad.yaml")
    where = "problems/concepts/bad.yaml"
    assert info.value.errors == [
        f"{where}: slug: must be lowercase words joined by dashes like `bert-pretraining-objectives`, "
        "got 'Bad_Slug'",
        f"{where}: title: must be a non-empty string, got ''",
        f"{where}: topics: unknown topic 'atention'; known topics: {', '.join(TOPICS)}",
        f"{where}: difficulty: must be one of easy, medium, hard; got 'simple'",
        f"{where}: explanation: must be a non-empty string, got None",
        f"{where}: key_points: must be a list of at least 3 key points a good answer must contain, "
        "got ['one', 'two']",
        f"{where}: choices.options: must be a list of 3 to 5 options, got 2",
        f"{where}: choices.options[1].correct: must be true or false, got 'yes'",
        f"{where}: choices.options[1].rationale: must be a non-empty string, got ''",
        f"{where}: choices.options: no option is marked `correct: true`; at least one must be correct",
        f"{where}: related[0]: must be a coding-problem slug like `stable-softmax`, got 'Not A Slug'",
        f"{where}: seed_refs[0]: must look like `seed-000 #4` (seed file number, question number), "
        "got 'seed 0 #4'",
        f"{where}: colour: unknown field; allowed: answer, choices, difficulty, explanation, key_points, more_choices, "
        "question, related, seed_refs, slug, title, topics",
    ]


def test_slug_must_equal_file_stem() -> None:
    with pytest.raises(PackageError) as info:
        load_concept(GOOD, "problems/concepts/other-name.yaml")
    assert info.value.errors == [
        "problems/concepts/other-name.yaml: slug: must equal the file name 'other-name', got 'good-question'"]


def test_yaml_syntax_and_non_mapping_are_reported() -> None:
    with pytest.raises(PackageError, match=r"^problems/concepts/x.yaml: not valid YAML"):
        load_concept("slug: [unclosed", "problems/concepts/x.yaml")
    with pytest.raises(PackageError) as info:
        load_concept("- a list\n", "problems/concepts/x.yaml")
    assert info.value.errors == ["problems/concepts/x.yaml: must be a mapping of fields, got list"]


def test_load_concepts_collects_errors_of_all_files(tmp_path: Path) -> None:
    root = tmp_path / "problems" / "concepts"
    root.mkdir(parents=True)
    (root / "good-question.yaml").write_text(GOOD)
    (root / "a.yaml").write_text(GOOD.replace("difficulty: medium", "difficulty: trivial"))
    (root / "b.yaml").write_text(GOOD.replace("topics: [attention, bert]", "topics: []"))
    with pytest.raises(PackageError) as info:
        load_concepts(root)
    assert info.value.errors == [
        "problems/concepts/a.yaml: slug: must equal the file name 'a', got 'good-question'",
        "problems/concepts/a.yaml: difficulty: must be one of easy, medium, hard; got 'trivial'",
        "problems/concepts/b.yaml: slug: must equal the file name 'b', got 'good-question'",
        "problems/concepts/b.yaml: topics: must be a list of at least 1 topic slugs from graders/topics.py, "
        "got []",
    ]
    (root / "a.yaml").unlink()
    (root / "b.yaml").unlink()
    assert [c.slug for c in load_concepts(root)] == ["good-question"]


def test_missing_related_is_separate_from_loading(tmp_path: Path) -> None:
    problems = tmp_path / "problems"
    (problems / "masked-attention").mkdir(parents=True)
    concept = load_concept(GOOD.replace("[masked-attention]", "[masked-attention, beam-search]"),
                           "problems/concepts/good-question.yaml")
    assert missing_related([concept], problems) == [
        "problems/concepts/good-question.yaml: related: no coding problem 'masked-attention' "
        "(expected problems/masked-attention/problem.yaml)",
        "problems/concepts/good-question.yaml: related: no coding problem 'beam-search' "
        "(expected problems/beam-search/problem.yaml)",
    ]
    (problems / "masked-attention" / "problem.yaml").write_text("slug: masked-attention\n")
    assert missing_related([concept], problems) == [
        "problems/concepts/good-question.yaml: related: no coding problem 'beam-search' "
        "(expected problems/beam-search/problem.yaml)"]


# The real bank.

def _real() -> list:
    return load_concepts(CONCEPTS)


def test_all_real_concept_files_load() -> None:
    concepts = _real()
    assert len(concepts) >= 64
    assert len({c.slug for c in concepts}) == len(concepts)


def test_real_files_meet_the_content_rules() -> None:
    """The authoring rules the loader does not enforce: answer length, MC count (links: see the next test)."""
    problems: list[str] = []
    with_choices = 0
    for c in _real():
        words = len(re.findall(r"\S+", c.answer))
        if not 80 <= words <= 250:
            problems.append(f"{c.slug}: answer has {words} words, want 80-250")
        if c.choices is not None:
            with_choices += 1
        for choice in [c.choices, *c.more_choices] if c.choices else []:
            if len(choice.options) != 4:
                problems.append(f"{c.slug}: {len(choice.options)} options, want 4")
    assert problems == []
    assert with_choices >= 50


def test_every_related_link_of_the_real_bank_exists() -> None:
    concepts = _real()
    assert missing_related(concepts, CONCEPTS.parent) == []
    linked = {r for c in concepts for r in c.related}
    assert {"integrated-gradients", "fairness-gap-metrics", "perplexity-from-logits"} <= linked


def test_no_answer_position_or_length_gives_the_answer_away() -> None:
    """Someone who always picks the same position, or the option of the same length rank (the longest, the
    second longest, ...), must do little better than chance (1 in 4) over the bank's single-answer questions."""
    single = [q for c in _real() if c.choices is not None for q in (c.choices, *c.more_choices)
              if len(q.correct_indexes) == 1]
    n = len(single)
    positions = Counter(choice.correct_indexes[0] for choice in single)
    ranks = Counter(
        sum(len(o.text) > len(choice.options[choice.correct_indexes[0]].text) for o in choice.options)
        for choice in single
    )
    assert n >= 50
    assert max(positions.values()) <= 0.35 * n, positions
    assert max(ranks.values()) <= 0.4 * n, ranks  # rank 0: the correct option is the longest
    assert ranks[0] <= 0.35 * n, ranks


def test_every_topic_and_seed_question_is_covered() -> None:
    concepts = _real()
    cov = coverage.compute(concepts, [], [])
    assert cov.uncovered == []
    assert set(cov.concepts_by_topic) == set(TOPICS)
    assert len(coverage.seed_ids()) == 60
    refs = {r for c in concepts for r in c.seed_refs}
    assert refs <= set(coverage.seed_ids()), sorted(refs - set(coverage.seed_ids()))


def test_coverage_report_renders_and_flags_gaps(tmp_path: Path) -> None:
    concept = load_concept(GOOD, "problems/concepts/good-question.yaml")
    cov = coverage.compute([concept], [], ["broken-one (1 error(s), first: x)"])
    text = coverage.render(cov)
    assert "| **attention**: Attention and self-attention | `good-question` | - |" in text
    assert "| seed-000 #6 | Self-attention in pre-trained models | `good-question` |" in text
    assert "- broken-one (1 error(s), first: x)" in text
    assert "topic 'gpt' has no concept question" in cov.uncovered
    assert "seed question 'seed-001 #30' has no concept question" in cov.uncovered




def test_coverage_main_writes_report_and_fails_on_gaps(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "problems" / "concepts").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "problems" / "concepts" / "good-question.yaml").write_text(GOOD)
    (tmp_path / "problems" / "broken").mkdir()
    (tmp_path / "problems" / "broken" / "problem.yaml").write_text("slug: broken\n")
    assert coverage.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "WARNING: topic 'gpt' has no concept question" in out
    assert "WARNING: seed question 'seed-000 #1' has no concept question" in out
    report = (tmp_path / "docs" / "coverage.md").read_text()
    assert "`good-question`" in report and "- broken (" in report
