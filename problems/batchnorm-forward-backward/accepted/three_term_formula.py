import torch


def batch_norm(x, gamma, beta, running_mean, running_var, grad_out, training, momentum=0.1, eps=1e-5):
    """The textbook three-term backward (through mean and variance separately), channels moved last."""
    c = x.shape[1]
    xc = x.movedim(1, -1).reshape(-1, c)  # (m, C)
    go = grad_out.movedim(1, -1).reshape(-1, c)
    m = xc.shape[0]
    if training:
        mu = xc.sum(0) / m
        d = xc - mu
        var = (d * d).sum(0) / m
        new_mean = running_mean + momentum * (mu - running_mean)
        new_var = running_var + momentum * (var * m / (m - 1) - running_var)
    else:
        mu, var = running_mean, running_var
        d = xc - mu
        new_mean, new_var = running_mean.clone(), running_var.clone()
    std = torch.sqrt(var + eps)
    x_hat = d / std
    y = x_hat * gamma + beta
    dxhat = go * gamma
    if training:
        dvar = (dxhat * d).sum(0) * -0.5 * std**-3
        dmu = -(dxhat / std).sum(0) + dvar * (-2.0 / m) * d.sum(0)
        dx = dxhat / std + dvar * 2.0 * d / m + dmu / m
    else:
        dx = dxhat / std
    out_shape = x.movedim(1, -1).shape
    return {
        "y": y.reshape(out_shape).movedim(-1, 1), "running_mean": new_mean, "running_var": new_var,
        "dx": dx.reshape(out_shape).movedim(-1, 1), "dgamma": (go * x_hat).sum(0), "dbeta": go.sum(0),
    }
