import torch


def batch_norm(x, gamma, beta, running_mean, running_var, grad_out, training, momentum=0.1, eps=1e-5):
    dims = [d for d in range(x.dim()) if d != 1]
    shape = [1, -1] + [1] * (x.dim() - 2)
    if training:
        mean, var = x.mean(dim=dims), x.var(dim=dims, unbiased=False)
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var  # biased variance stored
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    inv_std = (var + eps).rsqrt().view(shape)
    x_hat = (x - mean.view(shape)) * inv_std
    g = grad_out * gamma.view(shape)
    if training:
        dx = (g - g.mean(dims, keepdim=True) - x_hat * (g * x_hat).mean(dims, keepdim=True)) * inv_std
    else:
        dx = g * inv_std
    return {"y": gamma.view(shape) * x_hat + beta.view(shape), "running_mean": new_mean, "running_var": new_var,
            "dx": dx, "dgamma": (grad_out * x_hat).sum(dims), "dbeta": grad_out.sum(dims)}
