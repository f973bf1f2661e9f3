import torch
from torch import nn


class TiedLM(nn.Module):
    # No lm_head module: the forward reads the embedding matrix directly (einsum rounds differently).
    def __init__(self, vocab_size, d_model):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, ids):
        h = torch.tanh(self.proj(self.embed(ids)))
        return torch.einsum("bld,vd->blv", h, self.embed.weight)
