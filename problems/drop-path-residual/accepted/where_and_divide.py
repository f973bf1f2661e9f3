import torch


def residual_drop_path(x, branch, drop_prob, training, u, scale_by_keep=True):
    """Selects the scaled branch or zero per sample with torch.where, dividing the branch instead of the mask."""
    if training and drop_prob > 0.0:
        keep = (u >= drop_prob).view(-1, *([1] * (branch.dim() - 1)))
        kept = branch / (1.0 - drop_prob) if scale_by_keep and drop_prob < 1.0 else branch
        branch = torch.where(keep, kept, torch.zeros_like(branch))
    return branch + x
