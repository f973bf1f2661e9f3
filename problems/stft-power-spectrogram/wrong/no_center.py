import torch


def power_spectrogram(x: torch.Tensor, n_fft: int, hop: int) -> torch.Tensor:
    frames = x.unfold(-1, n_fft, hop)
    window = torch.hann_window(n_fft, dtype=x.dtype, device=x.device)
    spectrum = torch.fft.rfft(frames * window, dim=-1)
    return (spectrum.abs() ** 2).transpose(1, 2)
