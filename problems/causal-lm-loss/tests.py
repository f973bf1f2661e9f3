import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, vocab = params["batch"], params["length"], params["vocab"]
    ignore = int(params.get("ignore_index", -100))
    logits = torch.randn(b, length, vocab, generator=generator, dtype=torch.float64) * params.get("scale", 3.0)
    low = 1 if ignore == 0 else 0  # with ignore_index 0, token id 0 is the padding id
    labels = torch.randint(low, vocab, (b, length), generator=generator)
    for i, n in enumerate(params.get("pad", [])):
        if n:
            labels[i, length - n:] = ignore  # right padding
    for i, n in enumerate(params.get("prompt", [])):
        labels[i, :n] = ignore  # prompt tokens are not trained on
    return {"logits": logits.to(dtype), "labels": labels, "ignore_index": ignore}
