import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, h, d = params["batch"], params["heads"], params["head_dim"]
    t_k = params["length"]
    t_q = params.get("queries", t_k)  # fewer queries than keys: decoding with a KV cache
    scale = params.get("scale", 1.0)

    def draw(t: int) -> torch.Tensor:
        return (torch.randn(b, h, t, d, generator=generator, dtype=torch.float64) * scale).to(dtype)

    return {"q": draw(t_q), "k": draw(t_k), "v": draw(t_k)}


def run(solution, inputs: dict) -> dict:
    q = inputs["q"]
    # The entry point first: the sample preview's stand-in solution defines only that one.
    out = solution.alibi_attention(q, inputs["k"], inputs["v"])
    return {"slopes": [float(s) for s in solution.alibi_slopes(q.shape[1])], "out": out}
