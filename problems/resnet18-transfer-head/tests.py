import torch
import torchvision

_BACKBONES: dict[int, tuple[torch.nn.Module, torch.nn.Module]] = {}


def _backbone(seed: int) -> torch.nn.Module:
    """A randomly initialized ResNet-18 (weights=None), built once per seed and reset before every call."""
    if seed not in _BACKBONES:
        torch.manual_seed(seed)
        model = torchvision.models.resnet18(weights=None)
        # Give BatchNorm non-trivial running statistics, as a trained backbone would have.
        gen = torch.Generator().manual_seed(seed + 1)
        with torch.no_grad():
            for module in model.modules():
                if isinstance(module, torch.nn.BatchNorm2d):
                    n = module.num_features
                    module.running_mean.copy_(torch.randn(n, generator=gen) * 0.1)
                    module.running_var.copy_(torch.rand(n, generator=gen) * 0.5 + 0.75)
                    module.weight.copy_(torch.rand(n, generator=gen) * 0.5 + 0.75)
                    module.bias.copy_(torch.randn(n, generator=gen) * 0.1)
        _BACKBONES[seed] = (model, model.fc)
    model, original_fc = _BACKBONES[seed]
    model.fc = original_fc
    for p in model.parameters():
        p.requires_grad_(True)
    model.train()
    return model


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    num_classes = params["num_classes"]
    batch = params.get("batch", 2)
    h, w = params.get("size", [32, 32])
    images = torch.randn(batch, 3, h, w, generator=generator)
    if params.get("channels_last"):
        images = images.contiguous(memory_format=torch.channels_last)
    if params.get("transpose"):
        images = images.transpose(2, 3).contiguous().transpose(2, 3)
    head_weight = torch.randn(num_classes, 512, generator=generator) * 0.05
    head_bias = torch.randn(num_classes, generator=generator) * 0.1
    return {"model_seed": params.get("model_seed", 0), "num_classes": num_classes,
            "head_weight": head_weight, "head_bias": head_bias, "images": images}


def run(solution, inputs: dict) -> dict:
    model = _backbone(inputs["model_seed"])
    logits, num_trainable = solution.transfer_logits(
        model, inputs["num_classes"], inputs["head_weight"], inputs["head_bias"], inputs["images"])
    trainable = [name for name, p in model.named_parameters() if p.requires_grad]
    return {"logits": logits.detach(), "num_trainable": num_trainable, "trainable": trainable}
