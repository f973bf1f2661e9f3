import torch
from torch import nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size: int, d_model: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.proj = nn.Linear(d_model, d_model)  # stands in for the transformer body
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        with torch.no_grad():  # wrong: copies the values once; the two matrices drift apart from here on
            self.lm_head.weight.copy_(self.embed.weight)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.proj(self.embed(ids)))
        return self.lm_head(h)
