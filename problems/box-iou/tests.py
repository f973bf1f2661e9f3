import torch


def _boxes(count: int, params: dict, generator: torch.Generator) -> torch.Tensor:
    canvas = float(params.get("canvas", 100.0))
    xy = torch.rand(count, 2, generator=generator, dtype=torch.float64) * canvas
    wh = torch.rand(count, 2, generator=generator, dtype=torch.float64) * canvas * 0.4
    if params.get("integer"):
        xy, wh = xy.floor(), wh.floor()
    degenerate = params.get("degenerate", 0.0)
    if degenerate:
        # Zero width, zero height or both: points and segments.
        which = torch.randint(0, 3, (count,), generator=generator)
        hit = torch.rand(count, generator=generator, dtype=torch.float64) < degenerate
        wh[:, 0] = torch.where(hit & (which != 1), torch.zeros_like(wh[:, 0]), wh[:, 0])
        wh[:, 1] = torch.where(hit & (which != 0), torch.zeros_like(wh[:, 1]), wh[:, 1])
    return torch.cat([xy, xy + wh], dim=1)


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    boxes1 = _boxes(params["n"], params, generator)
    if params.get("same"):
        boxes2 = boxes1.clone()
    else:
        boxes2 = _boxes(params["m"], params, generator)
    if params.get("degenerate") and len(boxes1) and len(boxes2):
        boxes2[0] = boxes1[0]  # a pair that may be two identical degenerate boxes
        boxes1[-1] = torch.tensor([5.0, 5.0, 5.0, 5.0], dtype=torch.float64)
        boxes2[-1] = torch.tensor([5.0, 5.0, 5.0, 5.0], dtype=torch.float64)
    boxes1, boxes2 = boxes1.to(dtype), boxes2.to(dtype)
    if params.get("transpose"):
        # Same values, stored column-major: boxes are the rows of a transposed [4, N] tensor.
        boxes1 = boxes1.t().contiguous().t()
        boxes2 = boxes2.t().contiguous().t()
    return {"boxes1": boxes1, "boxes2": boxes2}
