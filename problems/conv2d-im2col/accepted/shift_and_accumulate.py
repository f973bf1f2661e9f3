import torch
import torch.nn.functional as F


def conv2d(x, weight, bias, stride, padding, dilation, groups):
    """One matmul per kernel tap: slice the padded input at that tap's offset and accumulate."""
    n, c_in, h, w = x.shape
    c_out, c_per_group, kh, kw = weight.shape
    sh, sw = stride
    dh, dw = dilation
    padded = F.pad(x, (padding[1], padding[1], padding[0], padding[0]))
    out_h = (padded.shape[2] - dh * (kh - 1) - 1) // sh + 1
    out_w = (padded.shape[3] - dw * (kw - 1) - 1) // sw + 1
    out = x.new_zeros(n, groups, c_out // groups, out_h, out_w)
    grouped_w = weight.reshape(groups, c_out // groups, c_per_group, kh, kw)
    grouped_x = padded.reshape(n, groups, c_per_group, padded.shape[2], padded.shape[3])
    for i in range(kh):
        for j in range(kw):
            top, left = i * dh, j * dw
            patch = grouped_x[:, :, :, top:top + sh * (out_h - 1) + 1:sh, left:left + sw * (out_w - 1) + 1:sw]
            out = out + torch.einsum("gok,ngkhw->ngohw", grouped_w[:, :, :, i, j], patch)
    out = out.reshape(n, c_out, out_h, out_w)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out
