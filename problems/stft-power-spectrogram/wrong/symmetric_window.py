import torch
import torch.nn.functional as F


def power_spectrogram(x: torch.Tensor, n_fft: int, hop: int) -> torch.Tensor:
    half = n_fft // 2
    padded = F.pad(x.unsqueeze(1), (half, half), mode="reflect").squeeze(1)
    window = torch.hann_window(n_fft, periodic=False, dtype=x.dtype, device=x.device)
    spectrum = torch.fft.rfft(padded.unfold(-1, n_fft, hop) * window, dim=-1)
    return (spectrum.abs() ** 2).transpose(1, 2)
