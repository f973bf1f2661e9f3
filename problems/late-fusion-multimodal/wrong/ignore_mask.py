import torch
import torch.nn.functional as F


def late_fusion(image: torch.Tensor, text: torch.Tensor, present: torch.Tensor, weights: dict) -> torch.Tensor:
    h_image = F.relu(F.linear(image, weights["Wi"], weights["bi"]))
    h_text = F.relu(F.linear(text, weights["Wt"], weights["bt"]))
    return F.linear(torch.cat([h_image, h_text], dim=-1), weights["Wc"], weights["bc"])
