import torch


def quantize_int8(x: torch.Tensor, per_channel: bool, axis: int) -> dict:
    if per_channel:
        dims = [d for d in range(x.dim()) if d != axis % x.dim()]
        amax = x.abs().amax(dim=dims, keepdim=True) if dims else x.abs()
    else:
        amax = x.abs().amax()
    scale = amax / 128
    scale = torch.where(amax == 0, torch.ones_like(scale), scale)  # an all-zero slice gets scale 1
    q = torch.clamp(torch.round(x / scale), -128, 127).to(torch.int8)
    dequant = q.to(x.dtype) * scale
    return {"q": q, "scale": scale.reshape(-1) if per_channel else scale, "dequant": dequant}
