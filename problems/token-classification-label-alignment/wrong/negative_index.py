import torch

IGNORE = -100


def align_labels(word_ids, word_labels, b_to_i, label_all_subtokens=False):
    """Per-token labels from per-word labels; -100 where a token must not be scored."""
    real = torch.ones_like(word_ids, dtype=torch.bool)  # special tokens treated as words
    previous = torch.cat([torch.full_like(word_ids[:, :1], -1), word_ids[:, :-1]], dim=1)
    first = real & (word_ids != previous)
    labels = word_labels[torch.arange(len(word_ids), device=word_ids.device)[:, None], word_ids]
    out = torch.where(first, labels, torch.full_like(labels, IGNORE))
    if label_all_subtokens:
        continuation = real & ~first & (labels != IGNORE)
        out = torch.where(continuation, b_to_i[labels.clamp(min=0)], out)
    return out
