import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0, offset=0):
    positions = torch.arange(offset, offset + seq_len, dtype=torch.float32, device="cpu").unsqueeze(1)
    frequencies = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32, device="cpu") * (-math.log(base) / d_model))
    angles = positions * frequencies
    table = torch.empty(seq_len, d_model, device="cpu")
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles[:, : d_model // 2])
    return table
