import torch

VOCAB = 60
_MODELS: dict = {}


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    return {
        "head": params.get("head", "classification"), "layers": params["layers"],
        "hidden": params.get("hidden", 16), "model_seed": int(params.get("model_seed", 0)),
        "freeze": list(params.get("freeze", [])), "base_lr": float(params["base_lr"]),
        "decay": float(params["decay"]), "weight_decay": float(params["weight_decay"]),
        # Only its device is used: the model is built from a seed, and the groups are checked by name.
        "probe": torch.randn(1, generator=generator),
    }


def _model(head: str, layers: int, hidden: int, seed: int):
    """A small randomly initialized BERT (never downloaded), built once per runner for each shape."""
    key = (head, layers, hidden, seed)
    if key not in _MODELS:
        from transformers import BertConfig, BertForMaskedLM, BertForSequenceClassification

        config = BertConfig(vocab_size=VOCAB, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=2,
                            intermediate_size=2 * hidden, max_position_embeddings=64, num_labels=3,
                            attn_implementation="eager")
        torch.manual_seed(seed)
        cls = BertForMaskedLM if head == "masked-lm" else BertForSequenceClassification
        _MODELS[key] = cls(config)
    return _MODELS[key]


def run(solution, inputs: dict) -> dict:
    device = inputs["probe"].device
    model = _model(inputs["head"], inputs["layers"], inputs["hidden"], inputs["model_seed"]).to(device).train()
    model.requires_grad_(True)  # the cached model may have been frozen differently by an earlier test
    for name, param in model.named_parameters():
        if any(name.startswith(prefix) for prefix in inputs["freeze"]):
            param.requires_grad_(False)
    groups = solution.llrd_param_groups(model, inputs["base_lr"], inputs["decay"], inputs["weight_decay"])
    names = {id(p): name for name, p in model.named_parameters()}
    assigned: dict = {}
    for group in groups:
        for p in group["params"]:
            name = names.get(id(p), "<not a parameter of the model>")
            key = name if name not in assigned else f"{name} (again)"
            assigned[key] = [float(group["lr"]), float(group["weight_decay"])]
    # The groups must also work: AdamW accepts them (it refuses a parameter listed twice) and takes a step.
    optimizer = torch.optim.AdamW(groups)
    for group in groups:
        for p in group["params"]:
            p.grad = torch.ones_like(p)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return {"assigned": assigned}
