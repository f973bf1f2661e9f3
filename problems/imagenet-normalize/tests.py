import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    shape = params["shape"]  # [..., H, W, 3] for uint8, [..., 3, H, W] for float
    kind = params.get("dtype", "uint8")
    if kind == "uint8":
        image = torch.randint(0, 256, shape, generator=generator, dtype=torch.uint8)
        if params.get("extremes"):
            image[..., ::2, :, :] = 255
            image[..., 1::4, :, :] = 0
    else:
        image = torch.rand(shape, generator=generator, dtype=getattr(torch, kind))
    if params.get("non_contiguous"):
        image = image.transpose(-2, -3).contiguous().transpose(-2, -3)
    return {"image": image}
