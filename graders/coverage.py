"""Regenerate docs/coverage.md: which concept questions and coding problems cover each topic and seed question.

Run `python -m graders.coverage`. The bank was planned from two seed interview collections
(/work/shared/seeds/000_*.txt and 001_*.txt, 30 questions each, in Chinese); the table makes it checkable that
every seed question and every topic in graders/topics.py has at least one concept question, and the command
exits non-zero when one does not, so CI can hold the line as the bank changes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from graders.concepts import Concept, load_concepts
from graders.package import PackageError, ProblemPackage, load_folder, problem_folders
from graders.topics import TOPICS

ROOT = Path(__file__).resolve().parent.parent

# Short English titles of the seed questions, in their original order (#1 is the first question).
SEED_TITLES: dict[str, tuple[str, ...]] = {
    "seed-000": (
        "What is a pre-trained model and how did it change deep learning?",
        "What is BERT and what did it contribute?",
        "What is GPT and how does it work?",
        "Text classification with a pre-trained model (example)",
        "Text generation with a pre-trained model (example)",
        "Self-attention in pre-trained models",
        "Drawbacks of pre-trained models",
        "How to improve the interpretability of pre-trained models",
        "What is knowledge distillation?",
        "Model compression with knowledge distillation (example)",
        "Image classification with a pre-trained model (example)",
        "Object detection with a pre-trained model (example)",
        "What is an embedding layer?",
        "Using multiple embedding layers",
        "What is dropout?",
        "Using dropout in a model (example)",
        "What is regularization?",
        "Using L2 regularization (example)",
        "What is learning-rate scheduling?",
        "Using a learning-rate scheduler (example)",
        "Processing sequence data (LSTM example)",
        "Transfer learning with a pre-trained model (example)",
        "Multi-label classification (example)",
        "Image augmentation (example)",
        "Processing text data (vocabulary and embedding example)",
        "Processing audio data (MFCC example)",
        "Processing video data (frame extraction example)",
        "Using multimodal data (fusion example)",
        "Using an attention mechanism (attention pooling example)",
        "Evaluating a pre-trained model (accuracy, precision, recall, F1)",
    ),
    "seed-001": (
        "What is a pre-trained model and what are its advantages?",
        "Application scenarios of pre-trained models",
        "How to choose a pre-trained model for an application",
        "What is fine-tuning and what needs care?",
        "Pre-trained models versus transfer learning",
        "Pre-trained models across domains",
        "Advantages of pre-trained models",
        "Limitations of pre-trained models",
        "Future trends of pre-trained models",
        "How to evaluate a pre-trained model (incl. ROC-AUC, BLEU)",
        "How to tune hyperparameters (learning rate, batch size, warmup...)",
        "The pre-training process",
        "Steps of fine-tuning a pre-trained model",
        "Pre-trained models in NLP",
        "Pre-trained models in computer vision",
        "Handling data bias in pre-trained models",
        "Interpretability of pre-trained models",
        "Transferability of pre-trained models",
        "Compute requirements of pre-trained models",
        "Deploying pre-trained models",
        "Ethics and social responsibility",
        "Pre-trained models in healthcare",
        "Balancing performance and compute",
        "Evaluating applicability to a new domain",
        "How to choose a suitable pre-trained model",
        "How to fine-tune a pre-trained model",
        "Handling model errors",
        "Using pre-trained models with limited resources",
        "How to evaluate the quality of a pre-trained model",
        "Real-world challenges of pre-trained models",
    ),
}


def seed_ids() -> list[str]:
    """Every seed question reference, `seed-000 #1` ... `seed-001 #30`."""
    return [f"{seed} #{i}" for seed, titles in SEED_TITLES.items() for i in range(1, len(titles) + 1)]


@dataclass
class Coverage:
    concepts_by_topic: dict[str, list[str]]
    problems_by_topic: dict[str, list[str]]
    concepts_by_seed: dict[str, list[str]]
    broken_problems: list[str]

    @property
    def uncovered(self) -> list[str]:
        """Topics and seed questions without a concept question, as warning lines."""
        lines = [f"topic {t!r} has no concept question" for t, c in self.concepts_by_topic.items() if not c]
        lines += [f"seed question {s!r} has no concept question" for s, c in self.concepts_by_seed.items() if not c]
        return lines


def compute(concepts: list[Concept], problems: list[ProblemPackage], broken: list[str]) -> Coverage:
    by_topic = {t: sorted(c.slug for c in concepts if t in c.topics) for t in TOPICS}
    problems_by_topic = {t: sorted(p.slug for p in problems if t in p.topics) for t in TOPICS}
    by_seed = {s: sorted(c.slug for c in concepts if s in c.seed_refs) for s in seed_ids()}
    return Coverage(by_topic, problems_by_topic, by_seed, broken)


def load_problems(problems_root: Path) -> tuple[list[ProblemPackage], list[str]]:
    """Every coding problem that loads, and the folders that do not (listed in the report, not fatal)."""
    loaded, broken = [], []
    for folder in problem_folders(problems_root):
        try:
            loaded.append(load_folder(folder))
        except PackageError as exc:
            broken.append(f"{folder.name} ({len(exc.errors)} error(s), first: {exc.errors[0]})")
    return loaded, broken


def render(cov: Coverage) -> str:
    def links(slugs: list[str]) -> str:
        return ", ".join(f"`{s}`" for s in slugs) or "**none**"

    lines = [
        "# Coverage of the question bank",
        "",
        "Generated by `python -m graders.coverage`; do not edit by hand.",
        "",
        "## Topics",
        "",
        "| Topic | Concept questions | Coding problems |",
        "|---|---|---|",
    ]
    for topic, label in TOPICS.items():
        lines.append(f"| **{topic}**: {label} | {links(cov.concepts_by_topic[topic])} | "
                     f"{', '.join(f'`{s}`' for s in cov.problems_by_topic[topic]) or '-'} |")
    if cov.broken_problems:
        lines += ["", "Coding-problem folders that failed to load (not counted above):", ""]
        lines += [f"- {b.replace('|', '/')}" for b in cov.broken_problems]
    lines += [
        "",
        "## Seed questions",
        "",
        "The two seed collections (`/work/shared/seeds/000_*.txt`, `001_*.txt`) and the concept questions whose "
        "`seed_refs` name each question.",
        "",
        "| Seed question | Title | Concept questions |",
        "|---|---|---|",
    ]
    for ref in seed_ids():
        seed, number = ref.split(" #")
        lines.append(f"| {ref} | {SEED_TITLES[seed][int(number) - 1]} | {links(cov.concepts_by_seed[ref])} |")
    if cov.uncovered:
        lines += ["", "## Uncovered", ""] + [f"- {u}" for u in cov.uncovered]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write docs/coverage.md; print a warning and return 1 if a topic or seed question is uncovered."""
    root = Path(argv[0]) if argv else ROOT
    try:
        concepts = load_concepts(root / "problems" / "concepts")
    except PackageError as exc:
        for line in exc.errors:
            print(f"ERROR: {line}")
        return 2
    problems, broken = load_problems(root / "problems")
    cov = compute(concepts, problems, broken)
    out = root / "docs" / "coverage.md"
    out.write_text(render(cov), encoding="utf-8")
    print(f"wrote {out.relative_to(root)}: {len(concepts)} concept questions, {len(problems)} coding problems"
          + (f", {len(broken)} folder(s) failed to load" if broken else ""))
    for line in cov.uncovered:
        print(f"WARNING: {line}")
    return 1 if cov.uncovered else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
