import torch
import torch.nn.functional as F


def conv2d(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None, stride: list[int],
           padding: list[int], dilation: list[int], groups: int) -> torch.Tensor:
    n, _, h, w = x.shape
    c_out, c_per_group, kh, kw = weight.shape
    out_h = (h + 2 * padding[0] - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    out_w = (w + 2 * padding[1] - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    # [N, C_in * kh * kw, L]: the channel axis runs over (channel, kernel row, kernel column), channel slowest,
    # so the channels of one group are one contiguous slice of it.
    cols = F.unfold(x, (kh, kw), dilation=tuple(dilation), padding=tuple(padding), stride=tuple(stride))
    cols = cols.reshape(n, groups, c_per_group * kh * kw, out_h * out_w)
    filters = weight.reshape(groups, c_out // groups, c_per_group * kh * kw)
    out = torch.matmul(filters, cols)  # [N, groups, C_out / groups, L]
    out = out.reshape(n, c_out, out_h, out_w)
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1, 1)
    return out
