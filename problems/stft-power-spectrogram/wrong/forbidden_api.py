import torch


def power_spectrogram(x, n_fft, hop):
    window = torch.hann_window(n_fft, dtype=x.dtype, device=x.device)
    spectrum = torch.stft(x, n_fft, hop_length=hop, window=window, center=True, pad_mode="reflect",
                          return_complex=True)
    return spectrum.abs().square()
