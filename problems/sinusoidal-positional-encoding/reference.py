import torch


def sinusoidal_positional_encoding(seq_len: int, d_model: int, base: float = 10000.0, offset: int = 0) -> torch.Tensor:
    # Everything in float64: at position 1e5 a float32 angle would be off by ~1e-2.
    positions = torch.arange(offset, offset + seq_len, dtype=torch.float64, device="cpu").unsqueeze(1)  # (L, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64, device="cpu")  # 0, 2, 4, ...: ceil(d/2) frequencies
    frequencies = torch.exp(two_i * (-torch.log(torch.tensor(base, dtype=torch.float64, device="cpu")) / d_model))
    angles = positions * frequencies  # (L, ceil(d/2))
    table = torch.empty(seq_len, d_model, dtype=torch.float64, device="cpu")
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles[:, : d_model // 2])  # odd d_model: one cosine fewer
    return table.to(torch.float32)
