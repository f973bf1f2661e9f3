import torch
import torch.nn.functional as F


def dpo_loss(policy_logits, reference_logits, labels, beta):
    # logsumexp - gather instead of log_softmax, masked_select sums, softplus(-m) for -logsigmoid(m).
    def logps(logits):
        z, y = logits[:, :-1], labels[:, 1:]
        keep = y.ne(-100)
        picked = z.gather(-1, y.clamp(min=0)[..., None])[..., 0] - z.logsumexp(-1)
        return torch.where(keep, picked, torch.zeros_like(picked)).sum(1)

    n = labels.shape[0] // 2
    pi = logps(policy_logits)
    ref = logps(reference_logits.detach())
    margin = (pi[:n] - pi[n:]) - (ref[:n] - ref[n:])
    loss = F.softplus(-beta * margin).mean()
    return loss, beta * (pi[:n] - ref[:n]).detach(), beta * (pi[n:] - ref[n:]).detach()
