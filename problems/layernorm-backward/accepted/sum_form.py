import torch


class LayerNormFunction(torch.autograd.Function):
    """The backward in its sum form, (N*g - sum g - x_hat * sum(g*x_hat)) / (N * std): rounded differently."""

    @staticmethod
    def forward(ctx, x, weight, bias, eps):
        n = x.shape[-1]
        mean = x.sum(dim=-1, keepdim=True) / n
        std = torch.sqrt(((x - mean) ** 2).sum(dim=-1, keepdim=True) / n + eps)
        x_hat = (x - mean) / std
        ctx.save_for_backward(x_hat, std, weight)
        return x_hat if weight is None else x_hat * weight + bias

    @staticmethod
    def backward(ctx, grad_output):
        x_hat, std, weight = ctx.saved_tensors
        n = x_hat.shape[-1]
        gy = grad_output if weight is None else grad_output * weight
        total = gy.sum(dim=-1, keepdim=True)
        along = (gy * x_hat).sum(dim=-1, keepdim=True)
        grad_x = (n * gy - total - x_hat * along) / (n * std)
        if weight is None:
            return grad_x, None, None, None
        flat = grad_output.reshape(-1, n)
        return grad_x, (flat * x_hat.reshape(-1, n)).sum(0), flat.sum(0), None
