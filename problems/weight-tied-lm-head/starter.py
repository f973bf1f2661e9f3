import torch
from torch import nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size: int, d_model: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.proj = nn.Linear(d_model, d_model)  # stands in for the transformer body
        # The output layer: logits = h @ embed.weight.T, with the weight tied to the embedding.
        raise NotImplementedError

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """ids: (B, L) int64 -> logits (B, L, vocab_size)."""
        raise NotImplementedError
