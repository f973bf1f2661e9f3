import torch


def gru_cell(x: torch.Tensor, h: torch.Tensor, weight_ih: torch.Tensor, weight_hh: torch.Tensor,
             bias_ih: torch.Tensor | None = None, bias_hh: torch.Tensor | None = None) -> torch.Tensor:
    """One GRU step with nn.GRUCell's parameter layout. Return the new hidden state, shape (B, H)."""
    raise NotImplementedError
