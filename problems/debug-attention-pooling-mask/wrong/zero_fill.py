import torch
from torch import nn


class AttentionPooling(nn.Module):
    """Pool a padded sequence of token vectors into one vector with learned attention weights."""

    def __init__(self, hidden_dim):
        super().__init__()
        self.score = nn.Linear(hidden_dim, 1)

    def forward(self, x, mask):
        scores = self.score(x).squeeze(-1)  # (B, L): one score per token
        scores = scores.masked_fill(~mask, 0.0)  # 'remove' padding scores
        weights = torch.softmax(scores, dim=1)  # normalise over the tokens, not over a size-1 axis
        return torch.sum(weights.unsqueeze(-1) * x, dim=1)  # (B, H)
