import torch
from torch import nn


class MultimodalModel(nn.Module):
    """Averages the patches *before* the (linear) projection: the same function, rounded differently."""

    def __init__(self, text_dim, image_dim, audio_dim, hidden_dim, output_dim):
        super().__init__()
        self.text_embedding = nn.Linear(text_dim, hidden_dim)
        self.image_embedding = nn.Linear(image_dim, hidden_dim)
        self.audio_embedding = nn.Linear(audio_dim, hidden_dim)
        self.fc = nn.Linear(3 * hidden_dim, output_dim)

    def forward(self, text, image, audio):
        parts = [self.text_embedding(text), self.image_embedding(image.mean(dim=-2)), self.audio_embedding(audio)]
        return self.fc(torch.cat(parts, dim=-1))
