import torch
import torch.nn.functional as F


def conv2d(x, weight, bias, stride, padding, dilation, groups):
    # Textbook convolution flips the kernel; deep-learning "convolution" is cross-correlation and does not.
    weight = weight.flip(-2, -1)
    n, _, h, w = x.shape
    c_out, c_per_group, kh, kw = weight.shape
    out_h = (h + 2 * padding[0] - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    out_w = (w + 2 * padding[1] - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    cols = F.unfold(x, (kh, kw), dilation=tuple(dilation), padding=tuple(padding), stride=tuple(stride))
    cols = cols.reshape(n, groups, c_per_group * kh * kw, out_h * out_w)
    out = torch.matmul(weight.reshape(groups, c_out // groups, -1), cols).reshape(n, c_out, out_h, out_w)
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1, 1)
    return out
