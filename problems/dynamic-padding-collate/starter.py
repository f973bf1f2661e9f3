import torch


def make_batches(
    sequences: list[torch.Tensor], labels: torch.Tensor, batch_size: int, pad_id: int,
    pad_to_multiple_of: int = 1, padding_side: str = "right",
) -> list[dict[str, torch.Tensor]]:
    """Bucket sequences by length and pad each batch to its own (rounded-up) longest length."""
    raise NotImplementedError
