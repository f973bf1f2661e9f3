import torch


def power_spectrogram(x: torch.Tensor, n_fft: int, hop: int) -> torch.Tensor:
    """|STFT|^2 with centered frames and a periodic Hann window, shape [B, n_fft // 2 + 1, frames]."""
    raise NotImplementedError
