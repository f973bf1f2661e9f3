import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, p = params["batch"], params["patches"]
    t, i, a, h, o = params["text_dim"], params["image_dim"], params["audio_dim"], params["hidden"], params["out"]

    def randn(*shape, scale=1.0):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    state = {
        "text_embedding.weight": randn(h, t, scale=t**-0.5), "text_embedding.bias": randn(h, scale=0.1),
        "image_embedding.weight": randn(h, i, scale=i**-0.5), "image_embedding.bias": randn(h, scale=0.1),
        "audio_embedding.weight": randn(h, a, scale=a**-0.5), "audio_embedding.bias": randn(h, scale=0.1),
        "fc.weight": randn(o, 3 * h, scale=(3 * h) ** -0.5), "fc.bias": randn(o, scale=0.1),
    }
    image = randn(b, p, i) + randn(b, 1, i, scale=params.get("patch_spread", 1.0))  # patches differ from each other
    return {"text": randn(b, t), "image": image, "audio": randn(b, a), "state": state, "dims": [t, i, a, h, o]}


def run(solution, inputs: dict):
    text = inputs["text"]
    model = solution.MultimodalModel(*inputs["dims"]).to(device=text.device, dtype=text.dtype)
    model.load_state_dict(inputs["state"])  # strict: the parameter names and shapes are part of the contract
    with torch.no_grad():
        return model(text, inputs["image"], inputs["audio"])
