from torchvision.ops import stochastic_depth


def residual_drop_path(x, branch, drop_prob, training, u, scale_by_keep=True):
    return x + stochastic_depth(branch, drop_prob, "row", training)
