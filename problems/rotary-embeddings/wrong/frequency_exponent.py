import torch


def apply_rotary(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    d = x.shape[-1]
    half = d // 2
    # wrong: theta_i = base^(-i/d) for i < d/2, so the slowest frequency is base^-0.5, not base^-(d-2)/d
    inv_freq = 1.0 / base ** (torch.arange(half, dtype=torch.float64, device=x.device) / d)
    angles = positions.to(torch.float64)[..., None] * inv_freq
    angles = torch.cat([angles, angles], dim=-1)[:, None]
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * cos + rotated * sin
