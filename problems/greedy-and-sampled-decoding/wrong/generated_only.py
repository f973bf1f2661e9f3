import torch


def decode(transition, start, steps, temperature, uniforms):
    batch, vocab = start.shape[0], transition.shape[-1]
    tokens = torch.empty(batch, steps + 1, dtype=torch.long)
    tokens[:, 0] = start
    logprob = torch.zeros(batch, dtype=transition.dtype)
    for t in range(steps):
        logits = transition[tokens[:, t]]
        scaled = logits if temperature == 0 else logits / temperature
        if temperature == 0:
            nxt = logits.argmax(dim=-1)
        else:
            cdf = torch.softmax(scaled, dim=-1).cumsum(dim=-1)
            nxt = (cdf <= uniforms[:, t, None].to(cdf.dtype)).sum(dim=-1).clamp(max=vocab - 1)
        logprob += torch.log_softmax(scaled, dim=-1).gather(-1, nxt[:, None]).squeeze(-1)
        tokens[:, t + 1] = nxt
    return {"tokens": tokens[:, 1:], "logprob": logprob}  # wrong: drops the start token
