import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    vocab = params["vocab"]
    if params.get("ties"):
        # Integer logits: rows have several equal maxima, so the greedy tie rule matters.
        transition = torch.randint(-2, 3, (vocab, vocab), generator=generator).to(torch.float64)
    else:
        transition = torch.randn(vocab, vocab, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    transition = transition.to(dtype)
    if params.get("transpose"):
        transition = transition.mT.contiguous().mT  # same values, column-major storage
    start = torch.randint(0, vocab, (params["batch"],), generator=generator)
    uniforms = torch.rand(params["batch"], params["steps"], generator=generator, dtype=torch.float64)
    return {"transition": transition, "start": start, "steps": params["steps"],
            "temperature": float(params["temperature"]), "uniforms": uniforms}


def check(got, expected, inputs, params):
    """Follow the submission's own tokens: each must be the greedy choice or the token its uniform selects by
    inverse CDF (within rounding of the CDF), and the log-probability must be their sum along that path."""
    transition = inputs["transition"]
    batch, vocab, steps = inputs["start"].shape[0], transition.shape[-1], inputs["steps"]
    if not isinstance(got, dict) or set(got) != {"tokens", "logprob"}:
        return "the output must be a dict with exactly the keys 'tokens' and 'logprob'"
    tokens, logprob = got["tokens"], got["logprob"]
    if not isinstance(tokens, torch.Tensor) or tokens.dtype != torch.long or tuple(tokens.shape) != (batch, steps + 1):
        return f"'tokens' must be an int64 tensor of shape ({batch}, {steps + 1})"
    if not isinstance(logprob, torch.Tensor) or logprob.dtype != transition.dtype or tuple(logprob.shape) != (batch,):
        return f"'logprob' must be a {transition.dtype} tensor of shape ({batch},)"
    tokens = tokens.cpu()
    if not torch.equal(tokens[:, 0], inputs["start"].cpu()):
        return "column 0 of 'tokens' must be the start tokens"
    if tokens.numel() and (tokens.min() < 0 or tokens.max() >= vocab):
        return f"token ids must lie in [0, {vocab})"
    table = transition.detach().cpu().double()
    eps = torch.finfo(transition.dtype).eps
    temperature = inputs["temperature"]
    want = torch.zeros(batch, dtype=torch.float64)
    magnitude = torch.zeros(batch, dtype=torch.float64)
    for t in range(steps):
        scaled = table[tokens[:, t]] / (temperature or 1.0)
        chosen = tokens[:, t + 1]
        if temperature == 0.0:
            if not torch.equal(chosen, scaled.argmax(dim=-1)):
                return f"step {t}: a greedy choice is not the first index of the largest logit"
        else:
            probs = torch.softmax(scaled, dim=-1)
            high = probs.cumsum(dim=-1).gather(-1, chosen[:, None]).squeeze(-1)
            low = high - probs.gather(-1, chosen[:, None]).squeeze(-1)
            u = inputs["uniforms"][:, t].cpu().double()
            slack = eps * (vocab + 16)  # what summing V probabilities in the input's dtype may round away
            last = chosen == vocab - 1
            if ((u < low - slack) | ((u >= high + slack) & ~last)).any():
                return f"step {t}: a sampled token is not the one its uniform selects by inverse CDF"
        want += torch.log_softmax(scaled, dim=-1).gather(-1, chosen[:, None]).squeeze(-1)
        magnitude += scaled.abs().amax(dim=-1)
    got_lp = logprob.detach().cpu().double()
    rtol = 1e-4 if transition.dtype == torch.float32 else 1e-7
    # log_softmax subtracts two numbers as large as the largest logit: a few ulps of that may be lost per step.
    allowed = 8 * eps * magnitude + 1e-6 + rtol * want.abs()
    if not torch.isfinite(got_lp).all() or ((got_lp - want).abs() > allowed).any():
        worst = (got_lp - want).abs().nan_to_num(float("inf")).max().item()
        return f"'logprob' differs from the sum of log-probabilities of your tokens (max error {worst:.3g})"
    return None
