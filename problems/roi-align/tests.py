import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    """Feature maps and RoIs; box coordinates are continuous, so no sample lands exactly on a border."""
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, c, h, w = params["shape"]
    k = params["k"]
    scale = float(params.get("spatial_scale", 1.0))
    features = torch.randn(n, c, h, w, generator=generator, dtype=torch.float64)
    # Boxes in image coordinates: the feature map covers [0, h / scale] x [0, w / scale].
    img_h, img_w = h / scale, w / scale
    spill = float(params.get("spill", 0.1))  # how far boxes may reach past the image, as a fraction
    max_size = float(params.get("max_size", 0.5))
    corner = torch.rand(k, 2, generator=generator, dtype=torch.float64) * (1 + 2 * spill) - spill
    size = torch.rand(k, 2, generator=generator, dtype=torch.float64) * max_size
    if params.get("tiny"):
        # Some RoIs narrower than one feature cell, some with zero width or height.
        size = size * 0.02
        zero = torch.rand(k, 2, generator=generator) < 0.3
        size = torch.where(zero, torch.zeros_like(size), size)
    x1 = corner[:, 0] * img_w
    y1 = corner[:, 1] * img_h
    x2 = x1 + size[:, 0] * img_w
    y2 = y1 + size[:, 1] * img_h
    batch = torch.randint(0, n, (k,), generator=generator).to(torch.float64)
    boxes = torch.stack([batch, x1, y1, x2, y2], dim=1)
    features = features.to(dtype)
    if params.get("channels_last"):
        features = features.contiguous(memory_format=torch.channels_last)
    return {"input": features, "boxes": boxes.to(dtype), "output_size": list(params.get("output_size", [7, 7])),
            "spatial_scale": scale, "sampling_ratio": int(params.get("sampling_ratio", 2)),
            "aligned": bool(params.get("aligned", True))}
