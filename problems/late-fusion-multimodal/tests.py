import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, di, dt, h, c = params["b"], params["di"], params["dt"], params["h"], params["c"]

    def randn(*shape: int, scale: float = 1.0) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    image, text = randn(b, di), randn(b, dt)
    if params.get("transpose"):
        image, text = randn(di, b).mT, randn(dt, b).mT
    present = torch.rand(b, 2, generator=generator) >= params["missing"]
    if params.get("drop_text"):
        present[:, 1] = False
    bias = params.get("bias", 0.1)
    weights = {
        "Wi": randn(h, di, scale=di ** -0.5), "bi": randn(h, scale=bias),
        "Wt": randn(h, dt, scale=dt ** -0.5), "bt": randn(h, scale=bias).abs() + bias,
        "Wc": randn(c, 2 * h, scale=(2 * h) ** -0.5), "bc": randn(c, scale=0.1),
    }
    return {"image": image, "text": text, "present": present, "weights": weights}
