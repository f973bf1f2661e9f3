import torch.nn.functional as F


def sliding_window_attention(q, k, v, *args, **kwargs):
    return F.scaled_dot_product_attention(q, k, v)
