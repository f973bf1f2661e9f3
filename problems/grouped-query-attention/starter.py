import math  # noqa: F401 - you will need it

import torch


def grouped_query_attention(x: torch.Tensor, wq: torch.Tensor, wk: torch.Tensor, wv: torch.Tensor,
                            wo: torch.Tensor, num_heads: int, num_kv_heads: int,
                            key_padding_mask: torch.Tensor | None = None) -> torch.Tensor:
    """Causal self-attention where groups of query heads share a key/value head. Return (B, L, d_model)."""
    raise NotImplementedError
