import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0, offset=0):
    # base ** (-2i / d) instead of exp(-2i * log(base) / d), still in float64.
    pos = torch.arange(offset, offset + seq_len, dtype=torch.float64)[:, None]
    inv_freq = base ** (-torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)
    angles = pos * inv_freq
    table = torch.zeros(seq_len, d_model, dtype=torch.float64)
    table[:, 0::2] = angles.sin()
    table[:, 1::2] = angles[:, : d_model // 2].cos()
    return table.float()
