import torch


def decode(transition, start, steps, temperature, seed):
    batch = start.shape[0]
    tokens = torch.empty(batch, steps + 1, dtype=torch.long)
    tokens[:, 0] = start
    logprob = torch.zeros(batch, dtype=transition.dtype)
    g = torch.Generator().manual_seed(seed)
    for t in range(steps):
        for b in range(batch):
            logits = transition[tokens[b, t]]
            e = torch.exp(logits / (temperature if temperature > 0 else 1.0))
            probs = e / e.sum()
            nxt = probs.argmax() if temperature == 0 else torch.multinomial(probs, 1, generator=g)[0]
            logprob[b] += torch.log(probs[nxt])
            tokens[b, t + 1] = nxt
    return {"tokens": tokens, "logprob": logprob}
