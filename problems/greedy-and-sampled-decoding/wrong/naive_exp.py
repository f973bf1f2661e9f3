import torch


def decode(transition, start, steps, temperature, uniforms):
    batch, vocab = start.shape[0], transition.shape[-1]
    tokens = torch.empty(batch, steps + 1, dtype=torch.long)
    tokens[:, 0] = start
    logprob = torch.zeros(batch, dtype=transition.dtype)
    for t in range(steps):
        logits = transition[tokens[:, t]]
        e = torch.exp(logits / (temperature if temperature > 0 else 1.0))  # overflows for large logits
        probs = e / e.sum(dim=-1, keepdim=True)
        if temperature == 0:
            nxt = probs.argmax(dim=-1)
        else:
            nxt = (probs.cumsum(dim=-1) <= uniforms[:, t, None]).sum(dim=-1).clamp(max=vocab - 1)
        logprob += torch.log(probs.gather(-1, nxt[:, None]).squeeze(-1))
        tokens[:, t + 1] = nxt
    return {"tokens": tokens, "logprob": logprob}
