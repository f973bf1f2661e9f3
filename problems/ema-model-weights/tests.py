import torch

LAYERS = {"small": [("fc1.weight", [6, 4]), ("fc1.bias", [6]), ("fc2.weight", [3, 6]), ("fc2.bias", [3])],
          "scalar": [("scale", []), ("fc.weight", [2, 5])],
          "mlp": [("fc1.weight", [128, 128]), ("fc1.bias", [128]), ("fc2.weight", [64, 128]), ("fc2.bias", [64]),
                  ("head.weight", [10, 64]), ("head.bias", [10])]}


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    """A short training run: parameters random-walk, BatchNorm statistics drift, the step counter counts."""
    dtype = getattr(torch, params.get("dtype", "float32"))
    layers = LAYERS[params.get("model", "small")]
    bn_width = layers[0][1][0] if layers[0][1] else 4
    with_buffers = params.get("buffers", True)
    step = float(params.get("step", 0.1))
    state = {name: torch.randn(shape, generator=generator, dtype=torch.float64) for name, shape in layers}
    mean = torch.zeros(bn_width, dtype=torch.float64)
    var = torch.ones(bn_width, dtype=torch.float64)
    snapshots = []
    for t in range(params["steps"]):
        snapshot = {name: value.to(dtype) for name, value in state.items()}
        if with_buffers:
            snapshot["bn.running_mean"] = mean.to(dtype)
            snapshot["bn.running_var"] = var.to(dtype)
            snapshot["bn.num_batches_tracked"] = torch.tensor(t, dtype=torch.int64)
        snapshots.append(snapshot)
        state = {name: value + step * torch.randn(value.shape, generator=generator, dtype=torch.float64)
                 for name, value in state.items()}
        mean = 0.9 * mean + 0.1 * torch.randn(bn_width, generator=generator, dtype=torch.float64)
        var = 0.9 * var + 0.1 * torch.rand(bn_width, generator=generator, dtype=torch.float64) * 2
    names = ["bn.running_mean", "bn.running_var", "bn.num_batches_tracked"] if with_buffers else []
    return {"snapshots": snapshots, "buffer_names": names, "decay": float(params.get("decay", 0.999))}


def run(solution, inputs: dict) -> dict:
    """The EMA state, and whether the snapshots survived the call (the statement forbids changing them)."""
    before = [{name: value.clone() for name, value in snapshot.items()} for snapshot in inputs["snapshots"]]
    result = solution.ema_weights(**inputs)
    unchanged = all(torch.equal(old[name], new[name])
                    for old, new in zip(before, inputs["snapshots"]) for name in old)
    return {"ema": result, "snapshots_unchanged": unchanged}
