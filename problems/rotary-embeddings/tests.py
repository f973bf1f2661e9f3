import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, h, t, d = params["batch"], params["heads"], params["length"], params["head_dim"]
    q = torch.randn(b, h, t, d, generator=generator, dtype=torch.float64)
    k = torch.randn(b, h, t, d, generator=generator, dtype=torch.float64)
    start = torch.as_tensor(params.get("start", [0] * b), dtype=torch.int64)  # e.g. tokens already in a KV cache
    positions = start[:, None] + torch.arange(t)[None, :]
    return {"q": q.to(dtype), "k": k.to(dtype), "positions": positions,
            "shift": int(params.get("shift", 1000)), "base": float(params.get("base", 10000.0))}


def run(solution, inputs: dict) -> dict:
    q, k, pos, base = inputs["q"], inputs["k"], inputs["positions"], inputs["base"]
    rq = solution.apply_rotary(q, pos, base)
    rk = solution.apply_rotary(k, pos, base)
    # The same tokens, every position moved by `shift`: RoPE scores must not change.
    moved = pos + inputs["shift"]
    sq = solution.apply_rotary(q, moved, base)
    sk = solution.apply_rotary(k, moved, base)
    return {"q": rq, "k": rk, "scores": rq @ rk.transpose(-2, -1), "scores_shifted": sq @ sk.transpose(-2, -1)}
