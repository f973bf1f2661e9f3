import torch


class SoftmaxFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        e = (x - x.amax(dim=-1, keepdim=True)).exp()
        y = e * (1.0 / e.sum(dim=-1, keepdim=True))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        # dL/dx = y * g - y * <g, y>: the same Jacobian-vector product, multiplied out.
        return y * grad_output - y * torch.einsum("...i,...i->...", grad_output, y).unsqueeze(-1)
