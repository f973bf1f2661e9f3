import torch
import torch.nn.functional as F


def token_distillation_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, mask: torch.Tensor,
                            temperature: float) -> torch.Tensor:
    t = temperature
    student = student_logits[mask]  # [M, V]: real tokens only; padding never enters the computation
    teacher = teacher_logits[mask].detach()  # the teacher is a fixed target
    log_ps = F.log_softmax(student / t, dim=-1)
    log_pt = F.log_softmax(teacher / t, dim=-1)
    kl_per_token = (log_pt.exp() * (log_pt - log_ps)).sum(dim=-1)
    return t * t * kl_per_token.sum() / student.shape[0]
