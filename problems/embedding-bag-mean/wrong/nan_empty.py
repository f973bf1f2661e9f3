import torch


def embedding_bag_mean(weight, indices, offsets):
    ends = torch.cat([offsets[1:], offsets.new_tensor([indices.numel()])])
    lengths = ends - offsets
    bag_of = torch.repeat_interleave(torch.arange(offsets.numel(), device=offsets.device), lengths)
    out = weight.new_zeros(offsets.numel(), weight.shape[1]).index_add_(0, bag_of, weight[indices])
    return out / lengths.unsqueeze(1).to(weight.dtype)
