import torch

IGNORE = -100


def align_labels(word_ids, word_labels, b_to_i, label_all_subtokens=False):
    """Per-token labels from per-word labels; -100 where a token must not be scored."""
    real = word_ids >= 0
    previous = torch.cat([torch.full_like(word_ids[:, :1], -1), word_ids[:, :-1]], dim=1)
    first = real & (word_ids != previous)
    # Clamp before gathering: word id -1 would otherwise index the last word.
    labels = word_labels.gather(1, word_ids.clamp(min=0))
    out = torch.where(first, labels, torch.full_like(labels, IGNORE))
    if label_all_subtokens:
        continuation = real & ~first & (labels != IGNORE)
        out = torch.where(continuation, labels, out)
    return out
