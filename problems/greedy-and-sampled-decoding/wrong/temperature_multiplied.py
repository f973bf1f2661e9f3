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
            if temperature == 0:
                nxt = logits.argmax()
                logprob[b] += torch.log_softmax(logits, -1)[nxt]
            else:
                scaled = logits * temperature
                nxt = torch.multinomial(torch.softmax(scaled, -1), 1, generator=g)[0]
                logprob[b] += torch.log_softmax(scaled, -1)[nxt]
            tokens[b, t + 1] = nxt
    return {"tokens": tokens, "logprob": logprob}
