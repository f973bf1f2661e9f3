import torch


def rouge_l(candidates: torch.Tensor, references: torch.Tensor, pad_id: int, beta: float = 1.0) -> dict:
    """ROUGE-L of each candidate against its reference: {"precision": (B,), "recall": (B,), "f": (B,)}."""
    raise NotImplementedError
