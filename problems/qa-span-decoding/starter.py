import torch


def best_spans(
    start_logits: torch.Tensor, end_logits: torch.Tensor, context_mask: torch.Tensor, max_answer_len: int,
) -> dict[str, torch.Tensor]:
    """The highest-scoring valid answer span (start, end, score) of each row."""
    raise NotImplementedError
