import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, n_in, n_h = params["batch"], params["input_size"], params["hidden_size"]
    scale = params.get("scale", 1.0)
    bound = scale / n_h**0.5  # nn.LSTMCell's init range, optionally scaled up to saturate the gates

    def uniform(*shape):
        return ((torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * bound).to(dtype)

    def normal(*shape, s=1.0):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * s).to(dtype)

    if params.get("transpose"):
        x = normal(n_in, b).T  # a non-contiguous (B, I) view
    else:
        x = normal(b, n_in)
    h = normal(b, n_h)
    c = normal(b, n_h, s=params.get("c_scale", 1.0))
    inputs = {"x": x, "h": h, "c": c, "weight_ih": uniform(4 * n_h, n_in), "weight_hh": uniform(4 * n_h, n_h)}
    if params.get("bias", True):
        inputs["bias_ih"] = uniform(4 * n_h)
        inputs["bias_hh"] = uniform(4 * n_h)
    else:
        inputs["bias_ih"] = None
        inputs["bias_hh"] = None
    return inputs
