def assign(points, centroids):
    scores = (centroids * centroids).sum(dim=1)[None, :] - 2.0 * (points @ centroids.T)
    return scores.argmin(dim=1)
