import torch
from torch import nn


class SequenceClassifier(nn.Module):
    """Classify variable-length sequences from the LSTM's final hidden state."""

    def __init__(self, input_dim, hidden_dim, output_dim):
        super().__init__()
        self.lstm = nn.LSTM(input_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x, lengths):
        out, _ = self.lstm(x)  # (B, T, H); rows are right-padded
        # The last *real* step of row b is lengths[b] - 1; position T - 1 is padding for shorter rows.
        last = (lengths - 1).to(out.device)
        final = out[torch.arange(out.shape[0], device=out.device), last]
        return self.fc(final)
