import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, t, vocab = params["b"], params["t"], params["vocab"]
    logits = (torch.randn(b, t, vocab, generator=generator) * params.get("scale", 2.0)).to(torch.bfloat16)
    labels = torch.randint(0, vocab, (b, t), generator=generator)
    ignored = torch.rand(b, t, generator=generator) < params.get("ignore", 0.0)
    labels = labels.masked_fill(ignored, -100)
    labels[0, 1] = int(torch.randint(0, vocab, (1,), generator=generator))  # at least one scored pair
    return {"logits": logits, "labels": labels}
