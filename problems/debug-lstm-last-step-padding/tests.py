import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, t, d, h, o = params["batch"], params["steps"], params["input_dim"], params["hidden"], params["out"]
    lengths = params.get("lengths") or torch.randint(1, t + 1, (b,), generator=generator).tolist()
    x = torch.randn(b, t, d, generator=generator, dtype=torch.float64)
    pad = torch.arange(t)[None, :] >= torch.tensor(lengths)[:, None]
    x[pad] = params.get("pad_value", 0.0)  # what the collate function wrote into padded steps

    def randn(*shape, scale):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    s = h**-0.5
    state = {"lstm.weight_ih_l0": randn(4 * h, d, scale=s), "lstm.weight_hh_l0": randn(4 * h, h, scale=s),
             "lstm.bias_ih_l0": randn(4 * h, scale=0.1), "lstm.bias_hh_l0": randn(4 * h, scale=0.1),
             "fc.weight": randn(o, h, scale=s), "fc.bias": randn(o, scale=0.1)}
    return {"x": x.to(dtype), "lengths": torch.tensor(lengths, dtype=torch.long), "state": state, "dims": [d, h, o]}


def run(solution, inputs: dict):
    x = inputs["x"]
    model = solution.SequenceClassifier(*inputs["dims"]).to(device=x.device, dtype=x.dtype)
    model.load_state_dict(inputs["state"])
    model.eval()
    with torch.no_grad():
        return model(x, inputs["lengths"].clone())
