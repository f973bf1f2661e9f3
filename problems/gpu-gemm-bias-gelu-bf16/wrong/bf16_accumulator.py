import torch
import torch.nn.functional as F


def gemm_bias_gelu(x, weight, bias):
    # Accumulates the K dimension chunk by chunk in a bfloat16 running sum.
    acc = torch.zeros(x.shape[0], weight.shape[0], dtype=torch.bfloat16, device=x.device)
    for start in range(0, x.shape[1], 16):
        acc = acc + x[:, start:start + 16] @ weight[:, start:start + 16].T
    return F.gelu(acc + bias)
