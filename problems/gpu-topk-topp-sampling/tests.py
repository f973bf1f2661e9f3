import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, vocab = params["b"], params["vocab"]
    logits = torch.randn(b, vocab, generator=generator) * params.get("scale", 3.0)
    uniform = torch.rand(b, vocab, generator=generator).clamp(1e-12, 1 - 1e-7)
    return {"logits": logits, "gumbel": -torch.log(-torch.log(uniform)), "top_k": params["top_k"],
            "top_p": float(params["top_p"]), "temperature": float(params["temperature"])}
