import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0, offset=0):
    positions = torch.arange(offset, offset + seq_len, dtype=torch.float64, device="cpu").unsqueeze(1)
    frequencies = base ** (-torch.arange(0, d_model, 2, dtype=torch.float64, device="cpu") / d_model)
    angles = positions * frequencies
    # [sin, sin, ..., cos, cos, ...] instead of [sin, cos, sin, cos, ...]
    table = torch.cat([torch.sin(angles), torch.cos(angles[:, : d_model // 2])], dim=1)
    return table.to(torch.float32)
