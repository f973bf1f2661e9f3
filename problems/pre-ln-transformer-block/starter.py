import math  # noqa: F401 - you will need it

import torch
import torch.nn.functional as F  # noqa: F401 - you will need it
from torch import nn


class PreLNBlock(nn.Module):
    def __init__(self, d_model: int, nhead: int, dim_feedforward: int) -> None:
        super().__init__()
        # Declare parameters with the same names and shapes as nn.TransformerEncoderLayer:
        # self_attn.in_proj_weight (3d, d), self_attn.in_proj_bias (3d,), self_attn.out_proj (Linear d -> d),
        # linear1 (d -> ff), linear2 (ff -> d), norm1, norm2 (LayerNorm(d)).
        raise NotImplementedError

    def forward(self, x: torch.Tensor, key_padding_mask: torch.Tensor | None = None) -> torch.Tensor:
        raise NotImplementedError
