import torch


def lstm_shapes(embed: int, hidden: int, layers: int, directions: int) -> dict:
    shapes = {}
    for layer in range(layers):
        in_size = embed if layer == 0 else hidden * directions
        for suffix in ([""] if directions == 1 else ["", "_reverse"]):
            shapes[f"lstm.weight_ih_l{layer}{suffix}"] = (4 * hidden, in_size)
            shapes[f"lstm.weight_hh_l{layer}{suffix}"] = (4 * hidden, hidden)
            shapes[f"lstm.bias_ih_l{layer}{suffix}"] = (4 * hidden,)
            shapes[f"lstm.bias_hh_l{layer}{suffix}"] = (4 * hidden,)
    return shapes


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, t, vocab = params["batch"], params["max_len"], params["vocab"]
    embed, hidden, classes = params["embed"], params["hidden"], params["classes"]
    layers = params.get("layers", 1)
    bidirectional = bool(params.get("bidirectional", False))
    directions = 2 if bidirectional else 1

    def uniform(shape, bound):
        return (torch.rand(*shape, generator=generator) * 2 - 1) * bound

    state = {"embedding.weight": torch.randn(vocab, embed, generator=generator)}
    state["embedding.weight"][0] = 0.0  # the padding_idx row, as nn.Embedding initializes it
    for name, shape in lstm_shapes(embed, hidden, layers, directions).items():
        state[name] = uniform(shape, 2.0 / hidden**0.5)
    state["fc.weight"] = uniform((classes, hidden * directions), 1.0 / (hidden * directions) ** 0.5)
    state["fc.bias"] = uniform((classes,), 0.1)

    if params.get("full"):
        lengths = torch.full((b,), t, dtype=torch.long)
    else:
        lengths = torch.randint(1, t + 1, (b,), generator=generator)
        lengths[int(torch.randint(0, b, (1,), generator=generator).item())] = t  # one sequence fills the batch
        if params.get("force_len_one") and b > 1:
            lengths[0] = 1
    tokens = torch.randint(1, vocab, (b, t), generator=generator) if vocab > 1 else torch.zeros(b, t, dtype=torch.long)
    pad = torch.arange(t).unsqueeze(0) >= lengths.unsqueeze(1)
    if not params.get("garbage_pad"):
        tokens = tokens.masked_fill(pad, 0)
    config = {"vocab_size": vocab, "embed_dim": embed, "hidden_size": hidden, "num_classes": classes,
              "num_layers": layers, "bidirectional": bidirectional, "padding_idx": 0}
    return {"config": config, "state": state, "tokens": tokens, "lengths": lengths}


def run(solution, inputs):
    model = solution.LSTMClassifier(**inputs["config"])
    model.load_state_dict(inputs["state"])
    model.eval()
    with torch.no_grad():
        return model(inputs["tokens"], inputs["lengths"])
