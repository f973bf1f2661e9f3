import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, d = params["n"], params["d"]
    image = torch.randn(n, d, generator=generator, dtype=torch.float64)
    noise = torch.randn(n, d, generator=generator, dtype=torch.float64)
    a = params.get("aligned", 0.0)  # how much each caption embedding points at its image
    text = a * image + (1 - a) * noise
    if params.get("hub"):  # one text close to every image: retrieval differs by direction
        text[0] = image.mean(0) * 3 + 0.1 * noise[0]
    if params.get("row_scale"):
        image = image * torch.rand(n, 1, generator=generator, dtype=torch.float64) * params["row_scale"]
        text = text * torch.rand(n, 1, generator=generator, dtype=torch.float64) * params["row_scale"]
    return {
        "image_emb": image.to(dtype), "text_emb": text.to(dtype),
        "logit_scale": torch.tensor(float(params["logit_scale"]), dtype=dtype), "k": int(params["k"]),
    }
