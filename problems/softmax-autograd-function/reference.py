import torch


class SoftmaxFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        shift = x.amax(dim=-1, keepdim=True)
        e = torch.exp(x - shift)
        y = e / e.sum(dim=-1, keepdim=True)
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        (y,) = ctx.saved_tensors
        dot = (grad_output * y).sum(dim=-1, keepdim=True)
        return y * (grad_output - dot)
