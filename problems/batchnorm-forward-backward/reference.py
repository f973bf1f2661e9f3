import torch


def batch_norm(x, gamma, beta, running_mean, running_var, grad_out, training, momentum=0.1, eps=1e-5):
    """Forward and backward of batch normalisation; returns y, running stats and dx, dgamma, dbeta."""
    dims = [d for d in range(x.dim()) if d != 1]  # every axis but the channel axis
    shape = [1, -1] + [1] * (x.dim() - 2)  # broadcast a (C,) vector against x
    m = x.numel() // x.shape[1]
    if training:
        mean = x.mean(dim=dims)
        var = x.var(dim=dims, unbiased=False)
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * (m / (m - 1))
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    inv_std = torch.rsqrt(var + eps).view(shape)
    x_hat = (x - mean.view(shape)) * inv_std
    y = gamma.view(shape) * x_hat + beta.view(shape)

    dbeta = grad_out.sum(dim=dims)
    dgamma = (grad_out * x_hat).sum(dim=dims)
    g = grad_out * gamma.view(shape)  # gradient with respect to x_hat
    if training:
        # x_hat depends on x directly and through the batch mean and variance.
        g_mean = g.mean(dim=dims, keepdim=True)
        gx_mean = (g * x_hat).mean(dim=dims, keepdim=True)
        dx = (g - g_mean - x_hat * gx_mean) * inv_std
    else:
        dx = g * inv_std
    return {"y": y, "running_mean": new_mean, "running_var": new_var, "dx": dx, "dgamma": dgamma, "dbeta": dbeta}
