import torch


def decode(transition: torch.Tensor, start: torch.Tensor, steps: int, temperature: float, seed: int) -> dict:
    batch = start.shape[0]
    tokens = torch.empty(batch, steps + 1, dtype=torch.long)
    tokens[:, 0] = start
    logprob = torch.zeros(batch, dtype=transition.dtype)
    if temperature == 0.0:
        # Greedy: all rows advance together; argmax returns the first index among ties.
        for t in range(steps):
            logits = transition[tokens[:, t]]
            nxt = logits.argmax(dim=-1)
            logprob += torch.log_softmax(logits, dim=-1).gather(-1, nxt[:, None]).squeeze(-1)
            tokens[:, t + 1] = nxt
        return {"tokens": tokens, "logprob": logprob}
    g = torch.Generator().manual_seed(seed)
    for t in range(steps):
        for b in range(batch):
            scaled = transition[tokens[b, t]] / temperature
            probs = torch.softmax(scaled, dim=-1)
            nxt = torch.multinomial(probs, 1, generator=g)[0]
            logprob[b] += torch.log_softmax(scaled, dim=-1)[nxt]
            tokens[b, t + 1] = nxt
    return {"tokens": tokens, "logprob": logprob}
