import torch


def embedding_bag_mean(weight, indices, offsets):
    out = weight.new_zeros(offsets.numel(), weight.shape[1])
    for b in range(offsets.numel() - 1):
        s, e = int(offsets[b]), int(offsets[b + 1])
        if e > s:
            out[b] = weight[indices[s:e]].mean(0)
    return out
