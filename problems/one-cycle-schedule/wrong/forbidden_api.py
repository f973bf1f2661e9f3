import torch


def one_cycle(max_lr, total_steps, pct_start=0.3, div_factor=25.0, final_div_factor=1.0e4,
              base_momentum=0.85, max_momentum=0.95):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=max_lr, momentum=max_momentum)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=max_lr, total_steps=total_steps, pct_start=pct_start, div_factor=div_factor,
        final_div_factor=final_div_factor, base_momentum=base_momentum, max_momentum=max_momentum)
    lrs, momenta = [], []
    for _ in range(total_steps):
        lrs.append(opt.param_groups[0]["lr"])
        momenta.append(opt.param_groups[0]["momentum"])
        opt.step()
        sched.step()
    return {"lr": lrs, "momentum": momenta}
