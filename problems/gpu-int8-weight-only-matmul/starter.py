import torch


def int8_linear(x: torch.Tensor, qweight: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """x @ (qweight * scale[:, None]).T in float16, with float32 accumulation."""
    raise NotImplementedError
