import torch


class SoftmaxFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        """Softmax of x along the last dimension; save what backward needs on ctx."""
        raise NotImplementedError

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        """Return dL/dx given dL/dy = grad_output."""
        raise NotImplementedError
