import torch
import torch.nn.functional as F


def gemm_bias_gelu(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    # addmm on bfloat16 multiplies in bfloat16 and accumulates in float32 (cuBLAS and oneDNN alike).
    return F.gelu(torch.addmm(bias, x, weight.T))
