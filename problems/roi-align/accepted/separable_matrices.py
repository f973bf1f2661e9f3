import torch


def _interp_matrix(start, bin_size, grid, pooled, size):
    """[K, pooled, size]: row (k, p) holds the averaged bilinear weights of bin p's samples along one axis."""
    k = start.shape[0]
    g = max(int(grid.max()), 1)
    dtype = start.dtype
    i = torch.arange(g, device=start.device, dtype=dtype)
    p = torch.arange(pooled, device=start.device, dtype=dtype)
    offset = (i[None, None, :] + 0.5) / grid.clamp(min=1)[:, None, None]
    pos = start[:, None, None] + bin_size[:, None, None] * (p[None, :, None] + offset)
    keep = (i[None, None, :] < grid[:, None, None]) & (pos >= -1) & (pos <= size)
    pos = pos.clamp(0, size - 1)
    low = pos.floor().long()
    high = (low + 1).clamp(max=size - 1)
    frac = pos - low.to(dtype)
    matrix = torch.zeros(k, pooled, size, dtype=dtype, device=start.device)
    matrix.scatter_add_(2, low, torch.where(keep, 1 - frac, 0))
    matrix.scatter_add_(2, high, torch.where(keep, frac, 0))
    return matrix


def roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned):
    """Bilinear weights are a product of a y weight and an x weight, so each RoI is A_y @ feature @ A_x^T."""
    n, c, h, w = input.shape
    ph, pw = output_size
    if boxes.shape[0] == 0:
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
    ay = _interp_matrix(y1, rh / ph, gh, ph, h)
    ax = _interp_matrix(x1, rw / pw, gw, pw, w)
    count = (gh * gw).clamp(min=1).to(input.dtype)
    out = torch.einsum("kph,kchw,kqw->kcpq", ay, input[b[:, 0].long()], ax)
    return out / count[:, None, None, None]
