import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n, c, h, w = params["shape"]
    if params.get("dtype") == "uint8":
        images = torch.randint(0, 256, (n, c, h, w), generator=generator, dtype=torch.uint8)
    else:
        images = torch.randn(n, c, h, w, generator=generator)
    if params.get("channels_last"):
        images = images.contiguous(memory_format=torch.channels_last)
    seed = int(torch.randint(0, 2**31 - 1, (1,), generator=generator))
    return {"images": images, "size": list(params["size"]), "padding": params.get("padding", 0), "seed": seed}
