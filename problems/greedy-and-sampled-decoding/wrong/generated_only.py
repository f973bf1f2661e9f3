import torch


def decode(transition, start, steps, temperature, seed):
    batch = start.shape[0]
    out = []
    last = start.clone()
    logprob = torch.zeros(batch, dtype=transition.dtype)
    g = torch.Generator().manual_seed(seed)
    for _ in range(steps):
        nxt = torch.empty(batch, dtype=torch.long)
        for b in range(batch):
            logits = transition[last[b]]
            scaled = logits if temperature == 0 else logits / temperature
            if temperature == 0:
                nxt[b] = logits.argmax()
            else:
                nxt[b] = torch.multinomial(torch.softmax(scaled, -1), 1, generator=g)[0]
            logprob[b] += torch.log_softmax(scaled, -1)[nxt[b]]
        out.append(nxt)
        last = nxt
    tokens = torch.stack(out, dim=1) if out else torch.empty(batch, 0, dtype=torch.long)
    return {"tokens": tokens, "logprob": logprob}
