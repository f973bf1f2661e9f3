import torch


def apply_rotary(x, positions, base=10000.0):
    # Hugging Face's way: inverse frequencies and angles in float32 (float64 for float64 inputs),
    # cos/sin per position, rotate_half via chunk. Rounds differently from the reference.
    d = x.shape[-1]
    work = torch.float64 if x.dtype == torch.float64 else torch.float32
    inv_freq = 1.0 / (base ** (torch.arange(0, d, 2, device=x.device).to(work) / d))
    freqs = positions.to(work)[..., None] * inv_freq
    emb = torch.cat((freqs, freqs), dim=-1).unsqueeze(1)
    x1, x2 = x.chunk(2, dim=-1)
    return x * emb.cos().to(x.dtype) + torch.cat((-x2, x1), dim=-1) * emb.sin().to(x.dtype)
