import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, vocab: int, dim: int, hidden: int, classes: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.conv = nn.Conv1d(dim, dim, kernel_size=3, padding=1)
        self.bn = nn.BatchNorm1d(dim)
        self.proj = nn.Linear(dim, hidden)
        self.ln = nn.LayerNorm(hidden)
        self.gate = nn.Parameter(torch.ones(hidden))
        self.gn = nn.GroupNorm(4, hidden)
        self.patch_ln = nn.LayerNorm([4, hidden // 4])
        self.head = nn.Sequential(nn.Linear(hidden, hidden), nn.GELU(), nn.Linear(hidden, classes, bias=False))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    cfg = {k: int(params[k]) for k in ("vocab", "dim", "hidden", "classes")}
    with torch.device("meta"):
        shapes = {name: tuple(t.shape) for name, t in Net(**cfg).state_dict().items()}
    shift = params.get("shift", 0.0)
    state = {}
    for name, shape in shapes.items():
        if name.endswith("num_batches_tracked"):
            state[name] = torch.tensor(0)
        elif name.endswith("running_var"):
            state[name] = torch.ones(shape, dtype=dtype)
        else:
            state[name] = (torch.randn(shape, generator=generator, dtype=torch.float64) * 0.5 + shift).to(dtype)
    return {"config": cfg, "state": state, "lam": float(params["lam"])}


def run(solution, inputs):
    state = inputs["state"]
    dtype = state["proj.weight"].dtype
    with torch.device("meta"):
        model = Net(**inputs["config"])
    model = model.to_empty(device="cpu").to(dtype)
    model.load_state_dict(state)
    penalty = solution.l2_penalty(model, inputs["lam"])
    penalty.backward()
    grads = {name: (p.grad if p.grad is not None else torch.zeros_like(p)).detach().clone()
             for name, p in model.named_parameters()}
    return {"penalty": penalty.detach(), "grads": grads}
