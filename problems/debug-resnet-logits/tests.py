import torch
import torchvision

_MODELS: dict[tuple[int, int], torch.nn.Module] = {}


def _model(seed: int, num_classes: int) -> torch.nn.Module:
    """A ResNet-18 with random weights (weights=None), built once per (seed, classes), in training mode."""
    key = (seed, num_classes)
    if key not in _MODELS:
        torch.manual_seed(seed)
        model = torchvision.models.resnet18(weights=None, num_classes=num_classes)
        gen = torch.Generator().manual_seed(seed + 1)
        with torch.no_grad():
            for module in model.modules():
                if isinstance(module, torch.nn.BatchNorm2d):
                    n = module.num_features
                    module.running_mean.copy_(torch.randn(n, generator=gen) * 0.1)
                    module.running_var.copy_(torch.rand(n, generator=gen) * 0.5 + 0.75)
            # Spread the logits so the probabilities are far from uniform.
            model.fc.weight.mul_(8.0)
        for p in model.parameters():
            p.requires_grad_(False)
        _MODELS[key] = model
    model = _MODELS[key]
    model.train()
    return model


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    h, w = params.get("size", [32, 32])
    images = torch.randn(params.get("batch", 2), 3, h, w, generator=generator)
    if params.get("transpose"):
        images = images.transpose(2, 3).contiguous().transpose(2, 3)
    return {"model_seed": params.get("model_seed", 0), "num_classes": params.get("num_classes", 10),
            "images": images}


def run(solution, inputs: dict) -> dict:
    model = _model(inputs["model_seed"], inputs["num_classes"]).to(inputs["images"].device)
    probs, labels = solution.predict(model, inputs["images"])
    return {"probs": probs.detach(), "labels": labels}
