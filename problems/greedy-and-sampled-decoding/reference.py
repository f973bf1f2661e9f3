import torch


def decode(transition: torch.Tensor, start: torch.Tensor, steps: int, temperature: float,
           uniforms: torch.Tensor) -> dict:
    batch, vocab = start.shape[0], transition.shape[-1]
    tokens = torch.empty(batch, steps + 1, dtype=torch.long, device=transition.device)
    tokens[:, 0] = start
    logprob = torch.zeros(batch, dtype=transition.dtype, device=transition.device)
    for t in range(steps):
        logits = transition[tokens[:, t]]  # (B, V): the bigram model's next-token logits
        if temperature == 0.0:
            scaled = logits
            nxt = logits.argmax(dim=-1)  # the first index among ties
        else:
            scaled = logits / temperature
            cdf = torch.softmax(scaled, dim=-1).cumsum(dim=-1)
            u = uniforms[:, t].to(device=cdf.device, dtype=cdf.dtype)
            # Inverse CDF: the first token whose cumulative probability exceeds u (the last one if rounding
            # left the total a hair below u).
            nxt = (cdf <= u[:, None]).sum(dim=-1).clamp(max=vocab - 1)
        logprob += torch.log_softmax(scaled, dim=-1).gather(-1, nxt[:, None]).squeeze(-1)
        tokens[:, t + 1] = nxt
    return {"tokens": tokens, "logprob": logprob}
