import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n, k, d = params["n"], params["k"], params["d"]
    spread, offset = params.get("spread", 1.0), params.get("offset", 0.0)
    centroids = torch.randn(k, d, generator=generator, dtype=torch.float64) * spread
    # Points near random centroids, so the nearest one is meaningful but not trivially far ahead.
    owner = torch.randint(0, k, (n,), generator=generator)
    points = centroids[owner] + torch.randn(n, d, generator=generator, dtype=torch.float64) * spread * 0.7
    points, centroids = (points + offset).float(), (centroids + offset).float()
    if params.get("transpose"):
        points = points.T.contiguous().T
    return {"points": points, "centroids": centroids}


def check(got, expected, inputs: dict, params: dict) -> str | None:
    """Accept any centroid as near as the reference's, to float32 precision: near-ties may go either way."""
    if not isinstance(got, torch.Tensor) or got.dtype != torch.int64 or got.shape != expected.shape:
        return f"expected an int64 tensor of shape {tuple(expected.shape)}"
    x, c = inputs["points"].double(), inputs["centroids"].double()
    if got.numel() and (int(got.min()) < 0 or int(got.max()) >= c.shape[0]):
        return "a centroid index is out of range"
    d_got = ((x - c[got]) ** 2).sum(dim=1)
    d_ref = ((x - c[expected]) ** 2).sum(dim=1)
    worse = d_got > d_ref * (1 + 1e-5) + 1e-6
    if bool(worse.any()):
        i = int(worse.nonzero()[0])
        return (f"point {i}: centroid {int(got[i])} is at squared distance {float(d_got[i]):.7g}, but centroid "
                f"{int(expected[i])} is at {float(d_ref[i]):.7g}")
    return None
