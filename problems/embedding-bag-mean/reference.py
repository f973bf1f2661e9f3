import torch


def embedding_bag_mean(weight: torch.Tensor, indices: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
    n = indices.numel()
    bags = offsets.numel()
    ends = torch.cat([offsets[1:], offsets.new_tensor([n])])
    lengths = ends - offsets
    bag_of = torch.repeat_interleave(torch.arange(bags, device=offsets.device), lengths)
    out = weight.new_zeros(bags, weight.shape[1])
    out.index_add_(0, bag_of, weight[indices])
    return out / lengths.clamp(min=1).unsqueeze(1).to(weight.dtype)
