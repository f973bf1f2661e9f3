import torch


def assign(points: torch.Tensor, centroids: torch.Tensor) -> torch.Tensor:
    # Centre on the centroids' mean: distances are unchanged, and the expansion below no longer cancels.
    centre = centroids.mean(dim=0)
    x, c = points - centre, centroids - centre
    # ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2; ||x||^2 is the same for every c, so it is left out.
    scores = (c * c).sum(dim=1)[None, :] - 2.0 * (x @ c.T)
    return scores.argmin(dim=1)
