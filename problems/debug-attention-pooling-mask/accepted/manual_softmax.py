import torch
from torch import nn


class AttentionPooling(nn.Module):
    """Masked softmax written out: shift by the max of the real tokens, exponentiate, normalise, bmm."""

    def __init__(self, hidden_dim):
        super().__init__()
        self.score = nn.Linear(hidden_dim, 1)

    def forward(self, x, mask):
        s = x @ self.score.weight[0] + self.score.bias[0]
        s = torch.where(mask, s, s.new_full((), -torch.inf))
        e = torch.exp(s - s.amax(dim=1, keepdim=True))
        w = e / e.sum(dim=1, keepdim=True)
        return torch.bmm(w.unsqueeze(1), x).squeeze(1)
