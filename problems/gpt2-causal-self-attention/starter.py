import torch
from torch import nn


class GPT2SelfAttention(nn.Module):
    def __init__(self, config) -> None:
        """config: a transformers GPT2Config (n_embd, n_head). Register c_attn and c_proj with GPT-2's
        parameter names and shapes: c_attn.weight (n_embd, 3*n_embd), c_attn.bias (3*n_embd,),
        c_proj.weight (n_embd, n_embd), c_proj.bias (n_embd,)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        """hidden_states: (B, T, n_embd); attention_mask: (B, T), 1 for real tokens and 0 for padding, or None."""
        raise NotImplementedError
