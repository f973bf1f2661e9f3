import torch


class LayerNormFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias, eps):
        mean = x.mean(dim=-1, keepdim=True)
        centered = x - mean
        var = (centered * centered).mean(dim=-1, keepdim=True)
        rstd = torch.rsqrt(var + eps)
        x_hat = centered * rstd
        ctx.save_for_backward(x_hat, rstd, weight)
        ctx.affine = weight is not None
        y = x_hat
        if weight is not None:
            y = y * weight + bias
        return y

    @staticmethod
    def backward(ctx, grad_output):
        x_hat, rstd, weight = ctx.saved_tensors
        g = grad_output
        gy = g * weight if ctx.affine else g
        grad_x = rstd * (gy - gy.mean(dim=-1, keepdim=True) - x_hat * (gy * x_hat).mean(dim=-1, keepdim=True))
        if not ctx.affine:
            return grad_x, None, None, None
        dims = tuple(range(g.dim() - 1))
        grad_weight = (g * x_hat).sum(dim=dims)
        grad_bias = g.sum(dim=dims)
        return grad_x, grad_weight, grad_bias, None
