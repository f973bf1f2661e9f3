import torch


class LayerNormFunction(torch.autograd.Function):
    """Recomputes the forward with autograd inside backward: the gradient is not written by hand."""

    @staticmethod
    def forward(ctx, x, weight, bias, eps):
        ctx.save_for_backward(x, weight, bias)
        ctx.eps = eps
        return torch.nn.functional.layer_norm(x, x.shape[-1:], weight, bias, eps)

    @staticmethod
    def backward(ctx, grad_output):
        x, weight, bias = ctx.saved_tensors
        inputs = [t.detach().requires_grad_(True) if t is not None else None for t in (x, weight, bias)]
        with torch.enable_grad():
            y = torch.nn.functional.layer_norm(inputs[0], x.shape[-1:], inputs[1], inputs[2], ctx.eps)
            wanted = [t for t in inputs if t is not None]
            grads = iter(torch.autograd.grad(y, wanted, grad_output))
        return tuple(next(grads) if t is not None else None for t in inputs) + (None,)
