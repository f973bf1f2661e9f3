import torch
from torch import nn


class MultimodalModel(nn.Module):
    """Late fusion of a text vector, a grid of image patch features and an audio vector."""

    def __init__(self, text_dim, image_dim, audio_dim, hidden_dim, output_dim):
        super().__init__()
        self.text_embedding = nn.Linear(text_dim, hidden_dim)
        self.image_embedding = nn.Linear(image_dim, hidden_dim)
        self.audio_embedding = nn.Linear(audio_dim, hidden_dim)
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, text, image, audio):
        text_embedding = self.text_embedding(text)
        image_embedding = self.image_embedding(image)
        audio_embedding = self.audio_embedding(audio)
        fused = torch.cat((text_embedding, image_embedding, audio_embedding), dim=1)
        return self.fc(fused)
