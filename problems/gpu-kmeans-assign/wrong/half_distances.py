import torch


def assign(points, centroids):
    centre = centroids.mean(dim=0)
    x, c = (points - centre).half(), (centroids - centre).half()
    scores = (c * c).sum(dim=1)[None, :] - 2.0 * (x @ c.T)
    return scores.float().argmin(dim=1)
