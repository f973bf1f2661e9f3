import torch

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    h, w = params["h"], params["w"]
    shape = ([params["batch"]] if params.get("batch") else []) + [3, h, w]
    pixels = torch.rand(*shape, generator=generator, dtype=torch.float64)  # a real image in [0, 1]
    mean = params.get("mean", IMAGENET_MEAN)
    std = params.get("std", IMAGENET_STD)
    m = torch.tensor(mean, dtype=torch.float64).view(-1, 1, 1)
    s = torch.tensor(std, dtype=torch.float64).view(-1, 1, 1)
    noise = torch.randn(*shape, generator=generator, dtype=torch.float64)
    image = (pixels - m) / s + params.get("overshoot", 0.0) * noise
    return {"image": image.to(dtype), "mean": mean, "std": std, "requires_grad": bool(params.get("requires_grad"))}


def run(solution, inputs: dict):
    image = inputs["image"].clone()
    if inputs["requires_grad"]:  # e.g. an adversarial example or a saliency input
        image.requires_grad_(True)
    before = image.detach().clone()
    out = solution.to_display(image, inputs["mean"], inputs["std"])
    return {"image": out.detach(), "requires_grad": bool(out.requires_grad),
            "input_unchanged": bool(torch.equal(image.detach(), before))}
