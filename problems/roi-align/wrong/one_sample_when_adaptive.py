import torch


def _axis_samples(start: torch.Tensor, bin_size: torch.Tensor, grid: torch.Tensor, pooled: int, size: int):
    """Bilinear taps along one axis for every (RoI, bin, sample): two indices and two weights each, [K, pooled, G].

    RoIs with fewer samples than the largest grid G get zero weights for the extra ones; a sample outside
    [-1, size] gets zero weights too (it still counts in the average, as in torchvision).
    """
    dtype, device = start.dtype, start.device
    g = max(int(grid.max()), 1)
    sample = torch.arange(g, device=device, dtype=dtype)
    bins = torch.arange(pooled, device=device, dtype=dtype)
    step = bin_size[:, None, None]
    pos = (start[:, None, None] + bins[None, :, None] * step
           + (sample[None, None, :] + 0.5) * step / grid.clamp(min=1).to(dtype)[:, None, None])
    used = (sample[None, None, :] < grid[:, None, None].to(dtype)) & (pos >= -1.0) & (pos <= size)
    pos = pos.clamp(min=0.0)
    low = pos.floor().long()
    at_edge = low >= size - 1
    low = torch.where(at_edge, torch.full_like(low, size - 1), low)
    high = torch.where(at_edge, low, low + 1)
    pos = torch.where(at_edge, low.to(dtype), pos)
    frac = pos - low.to(dtype)
    mask = used.to(dtype)
    return low.clamp(max=size - 1), high.clamp(max=size - 1), (1.0 - frac) * mask, frac * mask


def roi_align(input: torch.Tensor, boxes: torch.Tensor, output_size: list[int], spatial_scale: float,
              sampling_ratio: int, aligned: bool) -> torch.Tensor:
    n, c, h, w = input.shape
    out_h, out_w = output_size
    k = boxes.shape[0]
    if k == 0:
        return input.new_zeros(0, c, out_h, out_w)
    boxes = boxes.to(input.dtype)
    batch = boxes[:, 0].long()
    offset = 0.5 if aligned else 0.0
    x1 = boxes[:, 1] * spatial_scale - offset
    y1 = boxes[:, 2] * spatial_scale - offset
    roi_w = boxes[:, 3] * spatial_scale - offset - x1
    roi_h = boxes[:, 4] * spatial_scale - offset - y1
    if not aligned:
        roi_w, roi_h = roi_w.clamp(min=1.0), roi_h.clamp(min=1.0)
    bin_h, bin_w = roi_h / out_h, roi_w / out_w
    if sampling_ratio > 0:
        grid_h = torch.full((k,), sampling_ratio, dtype=torch.long, device=input.device)
        grid_w = grid_h
    else:
        # sampling_ratio <= 0 read as 'one sample at the bin centre' instead of ceil(bin size)
        grid_h = torch.ones(k, dtype=torch.long, device=input.device)
        grid_w = grid_h
    count = (grid_h * grid_w).clamp(min=1).to(input.dtype)

    y_low, y_high, wy_low, wy_high = _axis_samples(y1, bin_h, grid_h, out_h, h)
    x_low, x_high, wx_low, wx_high = _axis_samples(x1, bin_w, grid_w, out_w, w)
    # Rows of `pixels` are (image, y, x); every sample reads four of them.
    pixels = input.permute(0, 2, 3, 1).reshape(n * h * w, c)
    base = batch[:, None, None, None, None] * (h * w)
    out = input.new_zeros(k, out_h, out_w, c)
    for rows, wy in ((y_low, wy_low), (y_high, wy_high)):
        for cols, wx in ((x_low, wx_low), (x_high, wx_high)):
            index = base + rows[:, :, :, None, None] * w + cols[:, None, None, :, :]   # [K, P, Gy, Q, Gx]
            weight = wy[:, :, :, None, None] * wx[:, None, None, :, :]
            out += torch.einsum("kpyqxc,kpyqx->kpqc", pixels[index], weight)
    return (out / count[:, None, None, None]).permute(0, 3, 1, 2).contiguous()
