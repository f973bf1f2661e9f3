import torch


def apply_rotary(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    d = x.shape[-1]
    # Angles in float64: at position 4000 a float32 angle is already off by about 1e-4 rad.
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float64, device=x.device) / d)
    angles = positions.to(torch.float64)[..., None] * inv_freq        # (B, T, d/2)
    angles = torch.cat([angles, angles], dim=-1)[:, None]             # (B, 1, T, d): pairs (i, i + d/2)
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
    half = d // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)      # rotate_half
    return x * cos + rotated * sin
