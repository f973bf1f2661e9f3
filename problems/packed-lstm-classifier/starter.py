import torch
from torch import nn


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size: int, embed_dim: int, hidden_size: int, num_classes: int,
                 num_layers: int = 1, bidirectional: bool = False, padding_idx: int = 0) -> None:
        super().__init__()
        # Define self.embedding, self.lstm (batch_first=True) and self.fc.
        raise NotImplementedError

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """tokens (B, T) int64 padded batch-first; lengths (B,) in any order. Return logits (B, C)."""
        raise NotImplementedError
