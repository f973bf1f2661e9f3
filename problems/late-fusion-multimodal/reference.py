import torch
import torch.nn.functional as F


def late_fusion(image: torch.Tensor, text: torch.Tensor, present: torch.Tensor, weights: dict) -> torch.Tensor:
    mask = present.to(image.dtype)
    # Mask after the ReLU: a zeroed input would still produce relu(bias).
    h_image = F.relu(F.linear(image, weights["Wi"], weights["bi"])) * mask[:, :1]
    h_text = F.relu(F.linear(text, weights["Wt"], weights["bt"])) * mask[:, 1:]
    return F.linear(torch.cat([h_image, h_text], dim=-1), weights["Wc"], weights["bc"])
