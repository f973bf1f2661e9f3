import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, n, objects = params["b"], params["n"], params["objects"]
    canvas, side = params.get("canvas", 640), params.get("side", 120)

    def ints(low: int, high: int, *shape: int) -> torch.Tensor:
        return torch.randint(low, high, shape, generator=generator).float()

    # Detections cluster around objects, with jitter: what NMS is for. Whole-number coordinates make every
    # IoU exact, so the threshold comparison has one right answer.
    centres = ints(0, canvas, b, objects, 2)
    sizes = ints(side // 4, side + 1, b, objects, 2)
    pick = torch.randint(0, objects, (b, n), generator=generator)
    centre = centres.gather(1, pick[..., None].expand(b, n, 2)) + ints(-side // 8, side // 8 + 1, b, n, 2)
    size = (sizes.gather(1, pick[..., None].expand(b, n, 2)) + ints(-side // 8, side // 8 + 1, b, n, 2)).clamp(min=2)
    top_left = centre - torch.div(size, 2, rounding_mode="floor")
    boxes = torch.cat([top_left, top_left + size], dim=-1)
    if params.get("halves"):
        # Every other box is the left half of its predecessor: IoU exactly 1/2 when the width is even.
        half = boxes[:, 0:-1:2, :].clone()
        half[..., 2] = half[..., 0] + torch.div(half[..., 2] - half[..., 0], 2, rounding_mode="floor")
        boxes[:, 1::2, :] = half
    scores = torch.rand(b, n, generator=generator)
    return {"boxes": boxes, "scores": scores, "iou_threshold": float(params.get("iou_threshold", 0.5))}
