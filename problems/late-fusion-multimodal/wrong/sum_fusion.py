import torch.nn.functional as F


def late_fusion(image, text, present, weights):
    mask = present.to(image.dtype)
    h_image = F.relu(F.linear(image, weights["Wi"], weights["bi"])) * mask[:, :1]
    h_text = F.relu(F.linear(text, weights["Wt"], weights["bt"])) * mask[:, 1:]
    return F.linear(h_image + h_text, weights["Wc"], weights["bc"])
