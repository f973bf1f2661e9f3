import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, hidden: int) -> None:
        super().__init__()
        self.fc1 = nn.Linear(hidden, 2 * hidden)
        self.fc2 = nn.Linear(2 * hidden, hidden)
        self.norm = nn.LayerNorm(hidden)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.norm(x + self.fc2(F.gelu(self.fc1(x))))


def build_model(seed: int, vocab: int, hidden: int, layers: int, classes: int) -> nn.ModuleDict:
    torch.manual_seed(seed)
    return nn.ModuleDict({
        "embed": nn.Embedding(vocab, hidden),
        "backbone": nn.ModuleList([Block(hidden) for _ in range(layers)]),
        "head": nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, classes)),
    })


def forward(model: nn.ModuleDict, tokens: torch.Tensor) -> torch.Tensor:
    x = model["embed"](tokens)
    for block in model["backbone"]:
        x = block(x)
    return model["head"](x.mean(dim=1))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    vocab, classes = params.get("vocab", 50), params.get("classes", 5)
    batch, length = params.get("batch", 4), params.get("length", 6)
    return {
        "model_seed": int(torch.randint(0, 2**31 - 1, (1,), generator=generator)),
        "vocab": vocab, "hidden": params.get("hidden", 16), "layers": params["layers"], "classes": classes,
        "prefrozen": bool(params.get("prefrozen", False)),
        "num_unfrozen": params["num_unfrozen"], "head_lr": float(params["head_lr"]),
        "backbone_lr": float(params["backbone_lr"]), "weight_decay": float(params["weight_decay"]),
        "tokens": torch.randint(0, vocab, (batch, length), generator=generator),
        "labels": torch.randint(0, classes, (batch,), generator=generator),
    }


def run(solution, inputs):
    """Build the model, let the solution configure it, take one AdamW step, describe the result."""
    model = build_model(inputs["model_seed"], inputs["vocab"], inputs["hidden"], inputs["layers"], inputs["classes"])
    model = model.to(inputs["tokens"].device)  # built from a seed on the CPU, then moved to the inputs' device
    if inputs["prefrozen"]:
        model.requires_grad_(False)  # e.g. left frozen by an earlier stage of the pipeline
    groups = solution.configure_finetuning(model, inputs["num_unfrozen"], inputs["head_lr"],
                                           inputs["backbone_lr"], inputs["weight_decay"])
    names = {id(p): name for name, p in model.named_parameters()}
    described = [{"params": [names[id(p)] for p in g["params"]], "lr": float(g["lr"]),
                  "weight_decay": float(g["weight_decay"])} for g in groups]
    trainable = [name for name, p in model.named_parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(groups)
    loss = F.cross_entropy(forward(model, inputs["tokens"]), inputs["labels"])
    optimizer.zero_grad()
    if loss.requires_grad:
        loss.backward()
    optimizer.step()
    after = {name: p.detach().clone() for name, p in model.named_parameters()}
    return {"groups": described, "trainable": trainable, "params_after_step": after}
