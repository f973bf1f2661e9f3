import torch


def sinusoidal_positional_encoding(seq_len: int, d_model: int, base: float = 10000.0, offset: int = 0) -> torch.Tensor:
    """Return the (seq_len, d_model) float32 table: sines in even columns, cosines in odd columns."""
    raise NotImplementedError
