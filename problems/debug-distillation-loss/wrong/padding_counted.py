import torch.nn.functional as F


def token_distillation_loss(student_logits, teacher_logits, mask, temperature):
    t = temperature
    log_ps = F.log_softmax(student_logits / t, dim=-1)
    log_pt = F.log_softmax(teacher_logits.detach() / t, dim=-1)
    kl = (log_pt.exp() * (log_pt - log_ps)).sum(-1) * mask
    return t * t * kl.sum() / mask.numel()  # bug: divides by every position, padding included
