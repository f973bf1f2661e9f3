import torch
import torch.nn.functional as F


def train(model, batches, accum_steps, max_norm, lr, warmup_steps, checkpoint=None):
    # One backward per step on the summed per-example losses: same gradient, summed in another order.
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup_steps))
    step = 0
    if checkpoint:
        model.load_state_dict(checkpoint["model"])
        opt.load_state_dict(checkpoint["optimizer"])
        sched.load_state_dict(checkpoint["scheduler"])
        step = int(checkpoint["step"])
    i = 0
    while i < len(batches):
        group = batches[i:i + accum_steps]
        i += accum_steps
        losses = [F.cross_entropy(model(x), y, reduction="sum") for x, y in group]
        total = sum(int(y.numel()) for _, y in group)
        opt.zero_grad()
        (torch.stack(losses).sum() / total).backward()
        torch.nn.utils.clip_grad_norm_(list(model.parameters()), max_norm)
        opt.step()
        sched.step()
        step += 1
    return {"model": model.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(), "step": step}
