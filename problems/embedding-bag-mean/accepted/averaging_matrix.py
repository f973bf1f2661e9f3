import torch


def embedding_bag_mean(weight, indices, offsets):
    # A (bags x n) matrix of 1/len entries times the gathered rows: divides before it sums.
    n, bags = indices.numel(), offsets.numel()
    ends = torch.cat([offsets[1:], offsets.new_tensor([n])])
    lengths = ends - offsets
    bag_of = torch.repeat_interleave(torch.arange(bags, device=weight.device), lengths)
    share = (1.0 / lengths.clamp(min=1).to(weight.dtype))[bag_of]
    matrix = torch.zeros(bags, n, dtype=weight.dtype, device=weight.device)
    matrix[bag_of, torch.arange(n, device=weight.device)] = share
    return matrix @ weight[indices]
