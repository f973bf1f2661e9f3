import torch


def align_labels(word_ids, word_labels, b_to_i, label_all_subtokens=False):
    """Per-token labels from per-word labels; -100 where a token must not be scored."""
    raise NotImplementedError
