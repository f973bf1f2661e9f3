import torch
from torch import nn


class AttentionPooling(nn.Module):
    """Pool a padded sequence of token vectors into one vector with learned attention weights."""

    def __init__(self, hidden_dim):
        super().__init__()
        self.score = nn.Linear(hidden_dim, 1)

    def forward(self, x, mask):
        weights = torch.softmax(self.score(x), dim=-1)
        return torch.sum(weights * x, dim=1)
