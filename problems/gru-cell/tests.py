import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, n_in, n_h = params["batch"], params["input_size"], params["hidden_size"]
    bound = params.get("scale", 1.0) / n_h**0.5  # nn.GRUCell's init range, optionally scaled up

    def uniform(*shape: int, b: float = bound) -> torch.Tensor:
        return ((torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * b).to(dtype)

    def normal(*shape: int) -> torch.Tensor:
        return torch.randn(*shape, generator=generator, dtype=torch.float64).to(dtype)

    x = normal(n_in, b).T if params.get("transpose") else normal(b, n_in)  # .T: a non-contiguous (B, I) view
    inputs = {"x": x, "h": normal(b, n_h), "weight_ih": uniform(3 * n_h, n_in), "weight_hh": uniform(3 * n_h, n_h),
              "bias_ih": None, "bias_hh": None}
    if params.get("bias", True):
        bias_bound = bound * params.get("bias_scale", 1.0)
        inputs["bias_ih"] = uniform(3 * n_h, b=bias_bound)
        inputs["bias_hh"] = uniform(3 * n_h, b=bias_bound)
    return inputs
