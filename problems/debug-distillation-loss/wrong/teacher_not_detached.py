import torch.nn.functional as F


def token_distillation_loss(student_logits, teacher_logits, mask, temperature):
    t = temperature
    log_ps = F.log_softmax(student_logits[mask] / t, dim=-1)
    log_pt = F.log_softmax(teacher_logits[mask] / t, dim=-1)  # bug: gradient flows into the teacher
    kl = F.kl_div(log_ps, log_pt, reduction="batchmean", log_target=True)
    return t * t * kl
