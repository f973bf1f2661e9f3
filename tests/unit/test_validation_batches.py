"""How `validate_problems` splits the bank into sandboxes: by the libraries they import, up to
BATCH_PROBLEMS problems each, and enough batches to keep every job busy."""

from types import SimpleNamespace

from graders.cli import BATCH_PROBLEMS, batches


def bank(plain: int, with_transformers: int) -> list[SimpleNamespace]:
    return ([SimpleNamespace(slug=f"p{i}", preload=()) for i in range(plain)]
            + [SimpleNamespace(slug=f"t{i}", preload=("transformers",)) for i in range(with_transformers)])


def test_a_sandbox_holds_problems_that_import_the_same_libraries():
    for batch in batches(bank(90, 16), jobs=2):
        assert len({p.preload for p in batch}) == 1
        assert 1 <= len(batch) <= BATCH_PROBLEMS


def test_every_problem_is_validated_once():
    packages = bank(90, 16)
    slugs = [p.slug for batch in batches(packages, jobs=2) for p in batch]
    assert sorted(slugs) == sorted(p.slug for p in packages)


def test_a_few_problems_are_spread_over_the_jobs():
    assert [len(b) for b in batches(bank(3, 0), jobs=2)] == [1, 1, 1]
    assert len(batches(bank(16, 0), jobs=2)) >= 4
