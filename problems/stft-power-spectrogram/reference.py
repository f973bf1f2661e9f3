import torch
import torch.nn.functional as F


def power_spectrogram(x: torch.Tensor, n_fft: int, hop: int) -> torch.Tensor:
    half = n_fft // 2
    # F.pad's reflect mode wants a channel dimension: [B, 1, N].
    padded = F.pad(x.unsqueeze(1), (half, half), mode="reflect").squeeze(1)
    frames = padded.unfold(-1, n_fft, hop)  # [B, frames, n_fft], a view
    window = torch.hann_window(n_fft, dtype=x.dtype, device=x.device)
    spectrum = torch.fft.rfft(frames * window, dim=-1)
    return (spectrum.real.square() + spectrum.imag.square()).transpose(1, 2)
