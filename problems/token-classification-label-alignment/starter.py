import torch


def align_labels(
    word_ids: torch.Tensor, word_labels: torch.Tensor, b_to_i: torch.Tensor, label_all_subtokens: bool = False,
) -> torch.Tensor:
    """Per-token labels from per-word labels; -100 where a token must not be scored."""
    raise NotImplementedError
