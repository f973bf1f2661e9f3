import torch
import torch.nn.functional as F


def distillation_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, labels: torch.Tensor,
                      temperature: float, alpha: float) -> torch.Tensor:
    t = temperature
    teacher_logits = teacher_logits.detach()
    log_p_student = F.log_softmax(student_logits / t, dim=-1)
    log_p_teacher = F.log_softmax(teacher_logits / t, dim=-1)
    # KL(p_t || p_s) summed over classes, averaged over the batch ("batchmean").
    kl = (log_p_teacher.exp() * (log_p_teacher - log_p_student)).sum() / student_logits.shape[0]
    ce = F.cross_entropy(student_logits, labels)
    return alpha * t * t * kl + (1.0 - alpha) * ce
