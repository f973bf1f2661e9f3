import torch


def _random_boxes(n: int, canvas: float, max_side: float, generator: torch.Generator) -> torch.Tensor:
    xy = torch.rand(n, 2, generator=generator, dtype=torch.float64) * canvas
    wh = torch.rand(n, 2, generator=generator, dtype=torch.float64) * max_side
    return torch.cat([xy, xy + wh], dim=1)


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n = params["n"]
    dtype = getattr(torch, params.get("dtype", "float32"))
    style = params.get("style", "random")
    if style == "clusters":
        # Several objects, each detected many times with jittered boxes: what NMS is for.
        k = max(1, n // 8)
        centers = _random_boxes(k, params.get("canvas", 200.0), 40.0, generator)
        pick = torch.randint(0, k, (n,), generator=generator)
        jitter = torch.randn(n, 4, generator=generator, dtype=torch.float64) * params.get("jitter", 3.0)
        boxes = centers[pick] + jitter
        boxes = torch.cat([torch.minimum(boxes[:, :2], boxes[:, 2:]), torch.maximum(boxes[:, :2], boxes[:, 2:])], 1)
    elif style == "exact":
        # Integer boxes: pairs whose IoU is exactly 1/2, 1/3, 0 (touching) or 1 (duplicates).
        base = torch.tensor([[0, 0, 2, 2], [0, 0, 2, 1], [1, 0, 3, 2], [2, 0, 4, 2], [0, 0, 2, 2],
                             [10, 10, 12, 13], [10, 10, 12, 12], [10, 10, 10, 12], [10, 10, 10, 12]],
                            dtype=torch.float64)
        reps = (n + len(base) - 1) // len(base)
        offsets = torch.arange(reps, dtype=torch.float64).repeat_interleave(len(base))[:, None] * 100.0
        boxes = base.repeat(reps, 1) + offsets
        boxes = boxes[:n]
    else:
        boxes = _random_boxes(n, params.get("canvas", 100.0), params.get("max_side", 40.0), generator)
    levels = params.get("score_levels")
    if levels:
        scores = torch.randint(0, levels, (n,), generator=generator).to(torch.float64) / levels
    else:
        scores = torch.rand(n, generator=generator, dtype=torch.float64)
    inputs = {"boxes": boxes.to(dtype), "scores": scores.to(dtype),
              "iou_threshold": float(params.get("iou_threshold", 0.5))}
    if params.get("num_classes"):
        inputs["classes"] = torch.randint(0, params["num_classes"], (n,), generator=generator)
    if params.get("transpose"):
        inputs["boxes"] = inputs["boxes"].t().contiguous().t()
        inputs["scores"] = inputs["scores"].repeat(2)[::2]
    return inputs
