import torch
from torch import nn


class AttentionPooling(nn.Module):
    """Pool a padded sequence of token vectors into one vector with learned attention weights."""

    def __init__(self, hidden_dim):
        super().__init__()
        self.score = nn.Linear(hidden_dim, 1)

    def forward(self, x, mask):
        scores = self.score(x).squeeze(-1)  # (B, L): one score per token
        weights = torch.softmax(scores, dim=1) * mask  # zeroed after normalising: no longer sums to 1
        return torch.sum(weights.unsqueeze(-1) * x, dim=1)  # (B, H)
