import torch
from torch import nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size: int, d_model: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.proj = nn.Linear(d_model, d_model)  # stands in for the transformer body
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        # wrong: shares the storage but keeps two Parameters: each gets only its own part of the gradient
        self.lm_head.weight.data = self.embed.weight.data

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.proj(self.embed(ids)))
        return self.lm_head(h)
