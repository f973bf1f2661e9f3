import torch
from torch import nn


class LoRALinear(nn.Module):
    # Differently rounded: builds the (out, in) update for the forward pass too and merges with addmm_.
    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        base.weight.requires_grad = False
        if base.bias is not None:
            base.bias.requires_grad = False
        w = base.weight
        self.lora_A = nn.Parameter(torch.randn(r, w.shape[1], dtype=w.dtype, device=w.device) / w.shape[1] ** 0.5)
        self.lora_B = nn.Parameter(w.new_zeros(w.shape[0], r))
        self.scaling = alpha / r
        self.merged = False

    def forward(self, x):
        if self.merged:
            return self.base(x)
        update = torch.einsum("or,ri->oi", self.lora_B, self.lora_A)
        return self.base(x) + self.scaling * torch.einsum("...i,oi->...o", x, update)

    def merge(self):
        if not self.merged:
            with torch.no_grad():
                self.base.weight.addmm_(self.lora_B, self.lora_A, alpha=self.scaling)
            self.merged = True

    def unmerge(self):
        if self.merged:
            with torch.no_grad():
                self.base.weight.addmm_(self.lora_B, self.lora_A, alpha=-self.scaling)
            self.merged = False
