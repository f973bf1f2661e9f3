from collections import Counter  # noqa: F401 - you will need it

END = "</w>"


def bpe(corpus: list[str], num_merges: int, words: list[str]) -> dict:
    """Learn up to `num_merges` BPE merges on `corpus`; return {"merges": [[a, b], ...], "tokens": [...]}
    where tokens[i] is the segmentation of words[i] with the learned merges."""
    raise NotImplementedError
