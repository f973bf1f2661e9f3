import torch
import torch.nn.functional as F


def roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned):
    """grid_sample with zero padding: samples near the border blend with zeros instead of clamping to the edge."""
    n, c, h, w = input.shape
    ph, pw = output_size
    k = boxes.shape[0]
    if k == 0:
        return input.new_zeros(0, c, ph, pw)
    b = boxes.to(input.dtype)
    off = 0.5 if aligned else 0.0
    x1, y1 = b[:, 1] * spatial_scale - off, b[:, 2] * spatial_scale - off
    rw, rh = b[:, 3] * spatial_scale - off - x1, b[:, 4] * spatial_scale - off - y1
    if not aligned:
        rw, rh = rw.clamp(min=1), rh.clamp(min=1)
    if sampling_ratio > 0:
        gh = gw = torch.full_like(rw, sampling_ratio, dtype=torch.long)
    else:
        gh, gw = torch.ceil(rh / ph).long(), torch.ceil(rw / pw).long()
    out = input.new_zeros(k, c, ph, pw)
    for r in range(k):
        ny, nx = int(gh[r]), int(gw[r])
        if ny == 0 or nx == 0:
            continue
        ys = y1[r] + rh[r] / ph * (torch.arange(ph * ny, device=input.device, dtype=input.dtype) + 0.5) / ny
        xs = x1[r] + rw[r] / pw * (torch.arange(pw * nx, device=input.device, dtype=input.dtype) + 0.5) / nx
        # align_corners=False maps pixel coordinate u to (2u + 1) / size - 1.
        gy = (2 * ys + 1) / h - 1
        gx = (2 * xs + 1) / w - 1
        grid = torch.stack(torch.broadcast_tensors(gx[None, :], gy[:, None]), dim=-1)[None]
        samples = F.grid_sample(input[int(b[r, 0])][None], grid, mode="bilinear", padding_mode="zeros",
                                align_corners=False)[0]
        out[r] = samples.reshape(c, ph, ny, pw, nx).mean(dim=(2, 4))
    return out
